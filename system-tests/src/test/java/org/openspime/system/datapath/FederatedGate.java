package org.openspime.system.datapath;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import org.openspime.certification.Jid;
import org.openspime.client.connection.GateTrust;
import org.openspime.gate.SpimeGate;
import org.openspime.gate.config.FederationConfig;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;
import org.openspime.gate.testing.TestTls;
import org.openspime.gate.tls.GateCertificate;
import org.openspime.web.ConsoleSettings;

/**
 * A real gate with its own domain on its own loopback address (127.0.0.n), federating with peers it pins, with
 * fixed ports and data directory so that it can be restarted as the same gate: what two operators run when their
 * gates talk to each other.
 */
final class FederatedGate implements AutoCloseable {
    private static final ConsoleSettings CONSOLE = ConsoleSettings.defaults().withPasswordIterations(1_000);

    private final String domain;
    private final String address;
    private final Path dataDir;
    private final int c2sPort;
    private final int s2sPort;
    private final GateCertificate certificate;
    private FederationConfig federation = FederationConfig.defaults()
            .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(8), Duration.ofMinutes(10));
    private SpimeGate gate;

    FederatedGate(String domain, String address, Path dataDir) throws IOException {
        this.domain = domain;
        this.address = address;
        this.dataDir = dataDir;
        this.c2sPort = freePort(address);
        this.s2sPort = freePort(address);
        this.certificate = GateCertificate.loadOrCreate(config());
    }

    /** 127.0.0.{@code n} if the machine lets us bind it (Linux routes 127/8 to lo), else 127.0.0.1. */
    static String loopback(int n) {
        String candidate = "127.0.0." + n;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(candidate, 0));
            return candidate;
        } catch (IOException e) {
            return "127.0.0.1";
        }
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        }
    }

    /** Knows where {@code peer} listens and trusts its certificate (the operator's --peer and --peer-cert). */
    FederatedGate federateWith(FederatedGate peer) {
        federation = federation.withPeer(peer.domain, new FederationConfig.HostPort(peer.address, peer.s2sPort))
                .withPinnedCertificate(peer.domain, peer.certificate.sha256Fingerprint());
        return this;
    }

    private GateConfig config() {
        return new GateConfig(domain, address, c2sPort, s2sPort, 0, dataDir, null, null, null, null, null,
                GateConfig.Limits.defaults().withStanzaRate(0), GateConfig.DEFAULT_MAX_KEY_LIFE, false)
                .withFederation(federation);
    }

    FederatedGate start() throws IOException {
        gate = SpimeGate.start(config(), CONSOLE);
        return this;
    }

    /** Closes the gate (every stream, c2s and s2s, cut) and starts it again as the same gate. */
    void restart() throws IOException {
        gate.close();
        gate = SpimeGate.start(config(), CONSOLE);
    }

    /** Registers an OSID; a new account gets {@link TestGate#PASSWORD}, an existing one keeps its password. */
    void register(OsidKind kind, String jid) {
        try {
            gate.storage().identities().create(kind, jid, "test " + kind, TestGate.PASSWORD);
        } catch (IdentityException existingAccount) {
            gate.storage().identities().create(kind, jid, "test " + kind, null);
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

    GateTrust trust() {
        return GateTrust.using(TestTls.trusting(certificate.certificate()), domain + "'s certificate");
    }

    /** The certification service's JID, e.g. {@code certification.a.test}. */
    Jid certificationService() {
        return gate.certification().key().jid();
    }

    /** The public key the gate's certification service signs attestations with. */
    PublicKey certificationKey() {
        return gate.certification().key().publicKey();
    }

    SpimeGate gate() {
        return gate;
    }

    @Override
    public void close() {
        if (gate != null) {
            gate.close();
        }
    }
}
