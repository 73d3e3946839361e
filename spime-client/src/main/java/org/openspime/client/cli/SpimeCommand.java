package org.openspime.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code openspime spime ...}: a spime from the command line. */
@Command(name = "spime", mixinStandardHelpOptions = true,
        description = "A spime: generate and publish its key, report readings, talk to other spimes.",
        subcommands = {KeygenCommand.class, PublishKeyCommand.class, SendCommand.class, TalkCommand.class, ListenCommand.class})
public final class SpimeCommand {

    /** Exit code when a ScopeNode or a spime refused what was sent. */
    static final int REFUSED = 2;
    /** Exit code when reports are still unacknowledged at the end of the wait (they stay in the outbox). */
    static final int PENDING = 3;

    public static CommandLine commandLine() {
        return new CommandLine(new SpimeCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
