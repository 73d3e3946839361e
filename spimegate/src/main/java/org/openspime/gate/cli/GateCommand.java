package org.openspime.gate.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openspime.gate.SpimeGate;
import org.openspime.gate.config.GateConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code openspime gate}: runs a SpimeGate until SIGTERM or SIGINT, then stops it cleanly (listeners closed,
 * sessions ended, database closed) before the JVM exits.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Run a SpimeGate: the XMPP server that carries spime traffic, issues identities and certifies keys.")
public final class GateCommand implements Callable<Integer> {
    @Mixin
    GateOptions options = new GateOptions();

    @Override
    public Integer call() throws Exception {
        GateConfig config = options.resolve();
        SpimeGate gate = SpimeGate.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gate.close();
            stopped.countDown();
        }, "gate-shutdown"));
        System.out.printf("SpimeGate %s running%n  c2s (STARTTLS required): %s:%d%n"
                        + "  TLS certificate SHA-256:  %s%n  certification service:    %s%n"
                        + "  console, health, metrics: %s%n  data directory:           %s%n"
                        + "  database:                 %s%n",
                config.domain(), config.bindAddress(), gate.c2sPort(), gate.certificate().sha256Fingerprint(),
                gate.certification().jid(), gate.console().baseUri(), config.dataDir().toAbsolutePath(),
                config.embeddedDatabase() ? "embedded H2" : config.dbUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
