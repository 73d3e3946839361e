package org.openspime.launcher;

import org.openspime.client.cli.SpimeCommand;
import org.openspime.gate.cli.AdminCommand;
import org.openspime.gate.cli.GateCommand;
import org.openspime.launcher.demo.DemoCommand;
import org.openspime.scopenode.cli.ScopeNodeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openspime} command: one entry point over every daemon and tool of the project. */
@Command(name = "openspime", mixinStandardHelpOptions = true, version = "OpenSpime 0.1.0",
        description = "OpenSpime: spimes report signed, encrypted data to ScopeNodes, carried by SpimeGates.",
        subcommands = {GateCommand.class, CommandLine.HelpCommand.class})
public final class OpenSpime {

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("admin") || args[0].equals("demo"))
                && System.getProperty("openspime.log.level") == null && System.getenv("OPENSPIME_LOG_LEVEL") == null) {
            // admin prints results for people and scripts, demo prints what happens for people to watch: only
            // warnings belong next to them (OPENSPIME_LOG_LEVEL=INFO shows the rest)
            System.setProperty("openspime.log.level", "WARN");
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine root = new CommandLine(new OpenSpime());
        root.addSubcommand("admin", AdminCommand.commandLine());
        root.addSubcommand("scopenode", new CommandLine(new ScopeNodeCommand()));
        root.addSubcommand("spime", SpimeCommand.commandLine());
        root.addSubcommand("demo", new CommandLine(new DemoCommand()));
        return root;
    }
}
