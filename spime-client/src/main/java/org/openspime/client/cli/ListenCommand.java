package org.openspime.client.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.openspime.client.spime.Spime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Print verified talk messages (time, sender, plain|encrypted, text), one per line, until stopped.")
final class ListenCommand extends SpimeSubcommand {

    @Mixin
    CommonOptions common;

    @Override
    int run() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Spime spime = Spime.start(CliSpime.config(common.settings()))) {
            spime.talk().addListener(m -> {
                synchronized (out) {
                    out.println(m.time() + " " + m.from() + " " + (m.encrypted() ? "encrypted" : "plain") + " " + m.text());
                    out.flush();
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "listen-stop"));
            out.println("listening as " + spime.osid());
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
