package org.openspime.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A daemon under test started as a child JVM on this JVM's classpath ({@code org.openspime.launcher.OpenSpime ...}),
 * so that its CPU time, heap and RSS are its own and not the load client's. Its output goes to a log file under
 * {@code benchmarks/target/bench-logs/}; it counts as started when it prints a line containing {@code marker}.
 */
final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(String name, String heap, List<String> jvmOptions, List<String> launcherArgs,
                          Map<String, String> environment, String marker) throws Exception {
        Path logDir = Path.of("benchmarks", "target", "bench-logs");
        if (!Files.isDirectory(Path.of("benchmarks"))) {
            logDir = Path.of("target", "bench-logs");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.openspime.launcher.OpenSpime");
        cmd.addAll(launcherArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process process = pb.start();
        // a benchmark stopped by Ctrl-C or System.exit must not leave its daemons running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
        CountDownLatch started = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (line.contains(marker)) {
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                // the child went away
            }
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!started.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not start within 120 s; see " + log);
            }
        }
        return new ChildJvm(name, process, log);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Total CPU time (user + system, all threads) so far, in milliseconds. */
    long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis)
                .orElseThrow(() -> new IllegalStateException("no CPU time for " + name + " (pid " + process.pid() + ")"));
    }

    /** SIGTERM (the daemons shut down cleanly on it), then SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            Bench.say("%s did not stop within 30 s of SIGTERM; killing it", name);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Bench.say("%s stopped (exit %s)", name, process.isAlive() ? "?" : String.valueOf(process.exitValue()));
    }
}
