package org.openspime.scopenode.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code openspime scopenode}: the ScopeNode's commands. Also a main of its own, for running without the launcher. */
@Command(name = "scopenode", mixinStandardHelpOptions = true,
        description = "Set up, run and manage a ScopeNode: the collector of one scope's data.",
        subcommands = {InitCommand.class, RunCommand.class, AuthorizeCommand.class, RevokeCommand.class,
                AuthorizedCommand.class, CheckScopeCommand.class, RotateKeyCommand.class, StatusCommand.class})
public final class ScopeNodeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScopeNodeCommand()).execute(args));
    }
}
