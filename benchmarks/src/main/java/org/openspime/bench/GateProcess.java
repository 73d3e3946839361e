package org.openspime.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.gate.certification.CertificationSettings;
import org.openspime.gate.certification.GateCertificationKey;
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
    static final String CERTIFICATION_SERVICE = "certification." + DOMAIN;

    private final String domain;
    private final String address;
    private final Path dataDir;
    private final int port;
    private final X509Certificate certificate;
    private final CertificationKey certificationKey;
    private final ChildJvm jvm;

    private GateProcess(String domain, String address, Path dataDir, int port, X509Certificate certificate,
                        CertificationKey certificationKey, ChildJvm jvm) {
        this.domain = domain;
        this.address = address;
        this.dataDir = dataDir;
        this.port = port;
        this.certificate = certificate;
        this.certificationKey = certificationKey;
        this.jvm = jvm;
    }

    /** The full JID of benchmark account {@code i}. */
    static String jid(int i) {
        return jid(i, DOMAIN);
    }

    /**
     * Creates {@code accounts} SpimeIDs ({@link #jid(int)}, password {@link #PASSWORD}) in a fresh data
     * directory and starts the gate on it.
     */
    static GateProcess start(String name, int accounts, String heap, List<String> extraJvmOptions) throws Exception {
        return start(name, accounts, heap, extraJvmOptions, Map.of());
    }

    /**
     * As {@link #start(String, int, String, List)}, and also registers {@code scopeNodes} (full JID to password)
     * as ScopeNode OSIDs, e.g. the SNID of a ScopeNode under test.
     */
    static GateProcess start(String name, int accounts, String heap, List<String> extraJvmOptions,
                             Map<String, String> scopeNodes) throws Exception {
        return start(name, DOMAIN, "127.0.0.1", Files.createTempDirectory("openspime-bench-"), 0, accounts, heap,
                extraJvmOptions, List.of(), scopeNodes);
    }

    /**
     * A gate for {@code domain} on {@code address}, with its data directory (which may already hold its
     * certificate, so that a peer can pin it), s2s port (0 = any) and extra {@code gate} arguments
     * ({@code --peer}, {@code --peer-cert}, ...). Accounts are {@link #account(int)}.
     */
    static GateProcess start(String name, String domain, String address, Path dataDir, int s2sPort, int accounts,
                             String heap, List<String> extraJvmOptions, List<String> gateArguments)
            throws Exception {
        return start(name, domain, address, dataDir, s2sPort, accounts, heap, extraJvmOptions, gateArguments, Map.of());
    }

    private static GateProcess start(String name, String domain, String address, Path dataDir, int s2sPort,
                                     int accounts, String heap, List<String> extraJvmOptions,
                                     List<String> gateArguments, Map<String, String> scopeNodes) throws Exception {
        int port = freePort(address);
        GateConfig config = new GateConfig(domain, address, port, s2sPort, 0, dataDir, null, null, null, null, null,
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
                        storage.identities().create(OsidKind.SPIME, jid(i, domain), "benchmark account",
                                PASSWORD);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            for (Map.Entry<String, String> node : scopeNodes.entrySet()) {
                storage.identities().create(OsidKind.SCOPENODE, node.getKey(), "benchmark ScopeNode", node.getValue());
            }
        }
        X509Certificate certificate = GateCertificate.loadOrCreate(config).certificate();
        // made here rather than by the gate at its start, so that clients can be given it as their trust anchor
        CertificationKey certificationKey = GateCertificationKey.loadOrCreate(
                CertificationSettings.defaults(dataDir).keyDirectory(), Jid.of("certification." + domain));
        Bench.say("provisioned %d accounts in %.1f s (data dir %s)", accounts, (System.nanoTime() - t0) / 1e9,
                dataDir);

        List<String> arguments = new ArrayList<>(List.of("gate", "--domain", domain, "--bind-address", address,
                "--c2s-port", String.valueOf(port), "--s2s-port", String.valueOf(s2sPort), "--http-port", "0",
                "--data-dir", dataDir.toString()));
        arguments.addAll(gateArguments);
        ChildJvm jvm = ChildJvm.start("gate-" + name, heap, extraJvmOptions, arguments,
                Map.of("OPENSPIME_MAX_STANZAS_PER_SECOND", "0", "OPENSPIME_S2S_PEER_STANZAS_PER_SECOND", "0"),
                " running");
        Bench.say("gate %s pid %d on %s:%d (-Xmx%s), log %s", domain, jvm.pid(), address, port, heap, jvm.log());
        return new GateProcess(domain, address, dataDir, port, certificate, certificationKey, jvm);
    }

    static int freePort() throws IOException {
        return freePort("127.0.0.1");
    }

    static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    /** The full JID of account {@code i} of a gate serving {@code domain}. */
    static String jid(int i, String domain) {
        return "u" + i + "@" + domain + "/spime";
    }

    /** The full JID of this gate's benchmark account {@code i}. */
    String account(int i) {
        return jid(i, domain);
    }

    String address() {
        return address;
    }

    int port() {
        return port;
    }

    long pid() {
        return jvm.pid();
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The gate's total CPU time (user + system, all threads) so far, in milliseconds. */
    long cpuMillis() {
        return jvm.cpuMillis();
    }

    /** The gate's certification key (its public half is what clients trust attestations by). */
    CertificationKey certificationKey() {
        return certificationKey;
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
        try {
            jvm.close();
        } finally {
            Bench.deleteTree(dataDir);
        }
    }
}
