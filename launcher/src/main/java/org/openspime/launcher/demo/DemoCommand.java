package org.openspime.launcher.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code openspime demo}: the whole data path on one machine with nothing to set up. A gate, a ScopeNode for a
 * classroom-CO2 scope and a handful of simulated spimes reporting every few seconds, all on the embedded
 * database under one data directory; it prints the console URL and sign-in, the ScopeNode's query URL and token,
 * and each reading as it is acknowledged.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a gate, a ScopeNode and simulated spimes together on the embedded database, and print where to look.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the demo keeps everything (default: ./demo-data).")
    Path dataDir = Path.of("demo-data");

    @Option(names = "--spimes", paramLabel = "N", description = "Number of simulated spimes, 1-50 (default: 5).")
    int spimes = 5;

    @Option(names = "--every", paramLabel = "SECONDS", description = "Seconds between two readings of a spime (default: 5).")
    int everySeconds = 5;

    @Option(names = "--bind-address", paramLabel = "ADDR",
            description = "Address every listener binds to (default: 127.0.0.1, this machine only).")
    String bindAddress = "127.0.0.1";

    @Option(names = "--free-ports", description = "Use any free ports rather than 5222, 5269, 8080 and 8480 first.")
    boolean freePorts;

    @Option(names = "--stop-after", paramLabel = "SECONDS", description = "Stop by itself after this many seconds (default: run until stopped).")
    int stopAfterSeconds;

    @Override
    public Integer call() throws Exception {
        if (spimes < 1 || spimes > 50) {
            throw new ParameterException(spec.commandLine(), "--spimes must be 1-50, not " + spimes);
        }
        if (everySeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--every must be at least 1 second");
        }
        PrintStream out = System.out;
        DemoSystem system = DemoSystem.start(new DemoPlan(dataDir.toAbsolutePath(), spimes, bindAddress, freePorts), out);
        CountDownLatch stopped = new CountDownLatch(1);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-readings");
            t.setDaemon(true);
            return t;
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            clock.shutdownNow();
            system.close();
            stopped.countDown();
        }, "demo-shutdown"));
        List<SimulatedSpime> sensors = new ArrayList<>(system.spimes());
        long periodMillis = everySeconds * 1000L;
        for (int i = 0; i < sensors.size(); i++) {
            SimulatedSpime sensor = sensors.get(i);
            clock.scheduleAtFixedRate(() -> {
                try {
                    sensor.reportOnce();
                } catch (RuntimeException e) {
                    out.printf("  a reading could not be reported: %s%n", e);
                }
            }, 500 + periodMillis * i / sensors.size(), periodMillis, TimeUnit.MILLISECONDS);
        }
        if (stopAfterSeconds > 0) {
            if (!stopped.await(stopAfterSeconds, TimeUnit.SECONDS)) {
                clock.shutdownNow();
                long total = sensors.stream().mapToLong(SimulatedSpime::stored).sum();
                system.close();
                out.printf("demo stopped after %d s: %d readings acknowledged as stored%n", stopAfterSeconds, total);
                out.flush();
            }
            return 0;
        }
        stopped.await();
        return 0;
    }

    static Path copyResource(String resource, Path target) throws IOException {
        if (Files.exists(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            Files.copy(in, target);
        }
        return target;
    }
}
