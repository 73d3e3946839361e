package org.openspime.gate.federation;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.tls.GateCertificate;

/**
 * A Prosody server (the Debian package) started by a test: its own config, data, certificate and log in a
 * temporary directory, on its own loopback address, in the foreground as a child process; never the system
 * service. It resolves every name through the DNS server given, a {@link TestDnsResponder} on loopback: its
 * libunbound forwards all queries there (at whatever port it has) and reads neither {@code /etc/resolv.conf} nor
 * {@code /etc/hosts}, so it finds a gate by the gate's {@code _xmpp-server._tcp} SRV record there.
 */
final class ProsodyServer implements AutoCloseable {
    static final String PASSWORD = "prosody-secret";

    private final String domain;
    private final String address;
    private final Path dir;
    private final int c2sPort;
    private final int s2sPort;
    private final GateCertificate certificate;
    private Process process;

    /** Whether the {@code prosody} binary is on this machine. */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/prosody")) && Files.isExecutable(Path.of("/usr/bin/prosodyctl"));
    }

    /** @param dns the DNS server Prosody asks, in libunbound's forwarder syntax {@code address@port} */
    ProsodyServer(String domain, String address, String dns) throws IOException {
        this.domain = domain;
        this.address = address;
        this.dir = Files.createTempDirectory("openspime-prosody");
        this.c2sPort = freePort(address);
        this.s2sPort = freePort(address);
        certificate = GateCertificate.loadOrCreate(new GateConfig(domain, address, 0, 0, 0, dir.resolve("gen"), null,
                null, null, null, null, GateConfig.Limits.defaults()));
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("cert.pem"), certificate.pem());
        Files.writeString(dir.resolve("key.pem"), pem(privateKey(certificate)));
        Files.writeString(dir.resolve("prosody.cfg.lua"), config(dns));
    }

    private static PrivateKey privateKey(GateCertificate c) {
        try {
            return (PrivateKey) c.keyStore().getKey(c.alias(), c.password());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private String config(String dns) {
        String d = dir.toString();
        return String.join("\n",
                "pidfile = '" + d + "/prosody.pid'",
                // run as whoever runs the test (root in CI containers), not the package's 'prosody' user
                "prosody_user = '" + System.getProperty("user.name") + "'",
                "run_as_root = true",
                "data_path = '" + d + "/data'",
                "log = { { levels = { min = 'debug' }, to = 'file', filename = '" + d + "/prosody.log' } }",
                "interfaces = { '" + address + "' }",
                "c2s_ports = { " + c2sPort + " }",
                "s2s_ports = { " + s2sPort + " }",
                "http_ports = { }",
                "https_ports = { }",
                "c2s_require_encryption = true",
                "s2s_require_encryption = true",
                // the gates' certificates are self-signed: Prosody authenticates them by dialback
                "s2s_secure_auth = false",
                "authentication = 'internal_hashed'",
                "modules_enabled = { 'roster', 'saslauth', 'tls', 'dialback', 'disco', 'ping', 'version' }",
                // libunbound (net.unbound): every query goes to the test's DNS responder ('forward' takes
                // address@port); it is on loopback, which libunbound refuses to query unless told otherwise; and
                // libunbound answers names under .test (RFC 6761) itself with NXDOMAIN unless that zone is
                // transparent
                "unbound = { resolvconf = false, hoststxt = false, forward = '" + dns + "',",
                "  options = { ['do-not-query-localhost'] = 'no', ['local-zone'] = 'test. transparent' } }",
                "ssl = { certificate = '" + d + "/cert.pem', key = '" + d + "/key.pem' }",
                "VirtualHost '" + domain + "'",
                "  ssl = { certificate = '" + d + "/cert.pem', key = '" + d + "/key.pem' }",
                "");
    }

    /** Registers a user with prosodyctl (before or after start). */
    void register(String user) throws IOException, InterruptedException {
        run(List.of("prosodyctl", "--config", dir.resolve("prosody.cfg.lua").toString(), "register", user, domain,
                PASSWORD));
    }

    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("prosody", "-F", "--config", dir.resolve("prosody.cfg.lua").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prosody exited: " + Files.readString(dir.resolve("stdout.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, c2sPort), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("prosody did not listen within 20 s; see " + dir);
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        }
    }

    String domain() {
        return domain;
    }

    String address() {
        return address;
    }

    int c2sPort() {
        return c2sPort;
    }

    int s2sPort() {
        return s2sPort;
    }

    GateCertificate certificate() {
        return certificate;
    }

    /** Prosody's own log, for a failing test's message. */
    String log() {
        try {
            return Files.readString(dir.resolve("prosody.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        // keep Prosody's log next to the test reports
        Path reports = Path.of("target", "prosody-logs");
        Files.createDirectories(reports);
        Files.writeString(reports.resolve(domain + ".log"), log());
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
