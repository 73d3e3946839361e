package org.openspime.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ScopeNode under test: {@code openspime scopenode run --config <file>} as a child JVM (so its CPU is its own),
 * on a fresh data directory (RSA-2048 key pair generated at its first start), storing into the benchmark's
 * PostgreSQL database, pinned to the gate's TLS certificate and certification key, and authorizing every SpimeID of
 * the benchmark domain ({@code scopenode authorize}, a second short-lived child).
 */
final class ScopeNodeProcess implements AutoCloseable {
    static final String SNID = "scope@" + GateProcess.DOMAIN + "/node";
    static final String PASSWORD = "scopenode-password-123";
    static final String QUERY_TOKEN = "benchmark-query-token-0123456789";

    private final Path dir;
    private final ChildJvm jvm;
    private final int httpPort;

    private ScopeNodeProcess(Path dir, ChildJvm jvm, int httpPort) {
        this.dir = dir;
        this.jvm = jvm;
        this.httpPort = httpPort;
    }

    static ScopeNodeProcess start(String name, GateProcess gate, BenchDatabase db, String heap, List<String> jvmOptions)
            throws Exception {
        Path dir = Files.createTempDirectory("openspime-bench-scopenode-");
        try {
            Files.writeString(dir.resolve("scope.conf"), BenchScope.FILE);
            int httpPort = GateProcess.freePort();
            Path config = dir.resolve("scopenode.properties");
            Files.writeString(config, String.join("\n",
                    "snid = " + SNID,
                    "password = " + PASSWORD,
                    "gate-host = 127.0.0.1",
                    "gate-port = " + gate.port(),
                    "gate-cert = " + sha256(gate.certificate().getEncoded()),
                    "certification-key = " + gate.certificationKey().fingerprint(),
                    "scope = scope.conf",
                    "data-dir = data",
                    "db-url = " + db.url(),
                    "db-user = " + BenchDatabase.USER,
                    "db-password = ",
                    "http-bind = 127.0.0.1",
                    "http-port = " + httpPort,
                    "query-token = " + QUERY_TOKEN,
                    "key-size = 2048",
                    ""), StandardCharsets.UTF_8);
            ChildJvm jvm = ChildJvm.start("scopenode-" + name, heap, jvmOptions,
                    List.of("scopenode", "run", "--config", config.toString()), Map.of(), " running");
            ScopeNodeProcess node = new ScopeNodeProcess(dir, jvm, httpPort);
            Bench.say("ScopeNode %s pid %d (-Xmx%s), log %s", SNID, jvm.pid(), heap, jvm.log());
            node.authorize("*@" + GateProcess.DOMAIN + "/*", config);
            return node;
        } catch (Exception | Error e) {
            Bench.deleteTree(dir);
            throw e;
        }
    }

    /** Runs {@code scopenode authorize}; the running node reloads its list within a second. */
    private void authorize(String pattern, Path config) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.openspime.launcher.OpenSpime",
                "scopenode", "authorize", "--config", config.toString(), pattern)
                .redirectErrorStream(true).redirectOutput(dir.resolve("authorize.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("scopenode authorize failed; see " + dir.resolve("authorize.log"));
        }
        Thread.sleep(1_500);
    }

    private static String sha256(byte[] der) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    long pid() {
        return jvm.pid();
    }

    long cpuMillis() {
        return jvm.cpuMillis();
    }

    int httpPort() {
        return httpPort;
    }

    @Override
    public void close() throws Exception {
        try {
            jvm.close();
        } finally {
            Bench.deleteTree(dir);
        }
    }
}
