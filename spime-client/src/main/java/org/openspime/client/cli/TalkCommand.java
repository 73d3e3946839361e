package org.openspime.client.cli;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openspime.certification.Jid;
import org.openspime.client.spime.Spime;
import org.openspime.client.talk.TalkRefusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "talk", mixinStandardHelpOptions = true,
        description = "Send a signed talk message to another spime; exit 2 if the recipient refuses it within --wait.")
final class TalkCommand extends SpimeSubcommand {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "JID", description = "the recipient (full JID)")
    String to;

    @Parameters(index = "1", paramLabel = "TEXT")
    String text;

    @Option(names = "--encrypt", description = "encrypt to the recipient's certified key")
    boolean encrypt;

    @Option(names = "--wait", defaultValue = "2", paramLabel = "SECONDS", description = "how long to wait for a refusal (default ${DEFAULT-VALUE})")
    long wait;

    @Override
    int run() throws Exception {
        try (Spime spime = Spime.start(CliSpime.config(common.settings()))) {
            BlockingQueue<TalkRefusal> refusals = new LinkedBlockingQueue<>();
            spime.talk().addRefusalListener(refusals::add);
            Jid recipient = Jid.of(to);
            String id = encrypt ? spime.talk().sayEncrypted(recipient, text) : spime.talk().say(recipient, text);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
            TalkRefusal refusal;
            while ((refusal = refusals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
                if (id.equals(refusal.id())) {
                    spec.commandLine().getOut().println("refused " + id + " by " + refusal.refusedBy() + ": " + refusal.condition().element()
                            + refusal.text().map(t -> " (" + t + ")").orElse(""));
                    return SpimeCommand.REFUSED;
                }
            }
            spec.commandLine().getOut().println("sent " + id + " to " + recipient + (encrypt ? " (encrypted)" : ""));
            return 0;
        }
    }
}
