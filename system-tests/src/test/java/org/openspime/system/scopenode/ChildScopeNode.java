package org.openspime.system.scopenode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;
import org.openspime.scopenode.cli.ScopeNodeCommand;

/**
 * A ScopeNode in a child JVM, started the way an operator does ({@code scopenode run --config FILE}) with the
 * test's class path, so that it can be killed with SIGKILL ({@link Process#destroyForcibly()} on Linux). The JVM
 * compiles with C1 only and collects serially: it starts in about half the time on a busy two-core machine, which
 * is what the restarts of the kill tests wait for.
 */
public final class ChildScopeNode implements AutoCloseable {

    private final Path config;
    private final Path log;
    public final int httpPort;
    public final Path dataDir;
    private Process process;

    private ChildScopeNode(Path config, Path log, int httpPort, Path dataDir) {
        this.config = config;
        this.log = log;
        this.httpPort = httpPort;
        this.dataDir = dataDir;
    }

    /** Writes the config file for a ScopeNode on {@code gate}; does not start it. */
    static ChildScopeNode configure(TestGate gate, Path dir) throws IOException {
        gate.register(OsidKind.SCOPENODE, NodeFixture.SNID);
        return configure(gate.port(), gate.gate().certificate().sha256Fingerprint(), dir, List.of());
    }

    /**
     * Writes the config file for a ScopeNode ({@link NodeFixture#SNID}, registered by the caller, password
     * {@link TestGate#PASSWORD}) on the gate at {@code gatePort} pinned by {@code gateCert}, with {@code extra}
     * settings lines such as {@code db-url=...}; does not start it.
     */
    public static ChildScopeNode configure(int gatePort, String gateCert, Path dir, List<String> extra)
            throws IOException {
        int httpPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            httpPort = s.getLocalPort();
        }
        Path dataDir = dir.resolve("data");
        Path config = dir.resolve("scopenode.properties");
        List<String> lines = new java.util.ArrayList<>(List.of(
                "snid=" + NodeFixture.SNID,
                "password=" + TestGate.PASSWORD,
                "gate-host=127.0.0.1",
                "gate-port=" + gatePort,
                "gate-cert=" + gateCert,
                "scope=" + TestScope.write(dir),
                "data-dir=" + dataDir,
                "http-port=" + httpPort,
                "query-token=" + NodeFixture.TOKEN,
                "key-size=2048"));
        lines.addAll(extra);
        Files.writeString(config, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return new ChildScopeNode(config, dir.resolve("scopenode.log"), httpPort, dataDir);
    }

    /** Starts the child JVM and waits until its health endpoint says it is logged in. */
    public void start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ScopeNodeCommand.class.getName(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ScopeNode exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("ScopeNode not up within 60 s; see " + log);
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, the way an operator stops it: the shutdown hook drains the ingest queue. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
