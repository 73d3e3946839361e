package org.openspime.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.storage.GateStorage;
import org.openspime.gate.tls.GateCertificate;

/**
 * A gate under test: accounts provisioned into a fresh data directory, then {@code openspime gate} started as a
 * child JVM on a free loopback port, so its CPU time, heap and RSS are its own and not the load client's.
 */
final class GateProcess implements AutoCloseable {
    static final String DOMAIN = "bench.test";
    static final String PASSWORD = "password-123";

    private final Path dataDir;
    private final int port;
    private final X509Certificate certificate;
    private final Process process;
    private final Path log;

    private GateProcess(Path dataDir, int port, X509Certificate certificate, Process process, Path log) {
        this.dataDir = dataDir;
        this.port = port;
        this.certificate = certificate;
        this.process = process;
        this.log = log;
    }

    /** The full JID of benchmark account {@code i}. */
    static String jid(int i) {
        return "u" + i + "@" + DOMAIN + "/spime";
    }

    /**
     * Creates {@code accounts} SpimeIDs ({@link #jid(int)}, password {@link #PASSWORD}) in a fresh data
     * directory and starts the gate on it.
     */
    static GateProcess start(String name, int accounts, String heap, List<String> extraJvmOptions) throws Exception {
        Path dataDir = Files.createTempDirectory("openspime-bench-");
        int port = freePort();
        GateConfig config = new GateConfig(DOMAIN, "127.0.0.1", port, 0, 0, dataDir, null, null, null, null, null,
                GateConfig.Limits.defaults().withStanzaRate(0), GateConfig.DEFAULT_MAX_KEY_LIFE);
        long t0 = System.nanoTime();
        try (GateStorage storage = GateStorage.open(config)) {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < accounts; i += threads) {
                        storage.identities().create(OsidKind.SPIME, jid(i), "benchmark account", PASSWORD);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        X509Certificate certificate = GateCertificate.loadOrCreate(config).certificate();
        Bench.say("provisioned %d accounts in %.1f s (data dir %s)", accounts, (System.nanoTime() - t0) / 1e9,
                dataDir);

        Path logDir = Path.of("benchmarks", "target", "bench-logs");
        if (!Files.isDirectory(Path.of("benchmarks"))) {
            logDir = Path.of("target", "bench-logs");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve("gate-" + name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(extraJvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.openspime.launcher.OpenSpime");
        cmd.add("gate");
        cmd.addAll(List.of("--domain", DOMAIN, "--bind-address", "127.0.0.1", "--c2s-port", String.valueOf(port),
                "--s2s-port", "0", "--http-port", "0", "--data-dir", dataDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OPENSPIME_MAX_STANZAS_PER_SECOND", "0");
        Process process = pb.start();
        CountDownLatch running = new CountDownLatch(1);
        Path logFile = log;
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(logFile), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (line.contains(" running")) {
                        running.countDown();
                    }
                }
            } catch (IOException e) {
                // the gate went away
            }
        }, "gate-output");
        pump.setDaemon(true);
        pump.start();
        if (!running.await(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gate did not start within 120 s; see " + log);
        }
        Bench.say("gate pid %d on 127.0.0.1:%d (-Xmx%s), log %s", process.pid(), port, heap, log);
        return new GateProcess(dataDir, port, certificate, process, log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The gate's total CPU time (user + system, all threads) so far, in milliseconds. */
    long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis)
                .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + process.pid()));
    }

    /** The gate's resident set size, in KiB, from /proc. */
    long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** The number of threads of the gate process, from /proc. */
    long threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Runs {@code jcmd <gate> args...} and returns its output. */
    String jcmd(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(String.valueOf(pid()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            Bench.say("gate did not stop within 30 s of SIGTERM; killing it");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Bench.say("gate stopped (exit %d)", process.exitValue());
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
