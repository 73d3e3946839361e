package org.openspime.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openspime} command: one entry point over every daemon and tool of the project. */
@Command(name = "openspime", mixinStandardHelpOptions = true, version = "OpenSpime 0.1.0",
        description = "OpenSpime: spimes report signed, encrypted data to ScopeNodes, carried by SpimeGates.",
        subcommands = {CommandLine.HelpCommand.class})
public final class OpenSpime {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new OpenSpime());
    }
}
