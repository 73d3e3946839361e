package org.openspime.gate.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.gate.SpimeGate;
import org.openspime.gate.config.FederationConfig;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.tls.GateCertificate;
import org.openspime.web.ConsoleSettings;

/**
 * A real gate for federation tests, on its own loopback address with its own domain and certificate. Its data
 * directory and ports are fixed before the first start, so that a peer can pin its certificate and address it
 * and so that it can be restarted as the same gate.
 */
public final class PeerGate implements AutoCloseable {
    public static final String PASSWORD = "secret-password";

    private final String domain;
    private final String address;
    private final Path dataDir;
    private final int c2sPort;
    private final int s2sPort;
    private final GateCertificate certificate;
    private FederationConfig federation = FederationConfig.defaults()
            .withTimeouts(java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(8),
                    java.time.Duration.ofMinutes(10));
    private SpimeGate gate;

    private PeerGate(String domain, String address) throws IOException {
        this.domain = domain;
        this.address = address;
        this.dataDir = Files.createTempDirectory("openspime-s2s-" + domain);
        this.c2sPort = freePort(address);
        this.s2sPort = freePort(address);
        this.certificate = GateCertificate.loadOrCreate(config());
    }

    /** A gate for {@code domain} on {@code address} (not started yet: peers are configured first). */
    public static PeerGate prepare(String domain, String address) throws IOException {
        return new PeerGate(domain, address);
    }

    /** 127.0.0.{@code n} if the machine lets us bind it (Linux routes 127/8 to lo), else 127.0.0.1. */
    public static String loopback(int n) {
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

    /** Lets this gate reach {@code peer} at its address and trust its certificate by fingerprint. */
    public PeerGate federateWith(PeerGate peer) {
        federation = federation.withPeer(peer.domain, new FederationConfig.HostPort(peer.address, peer.s2sPort))
                .withPinnedCertificate(peer.domain, peer.certificate.sha256Fingerprint());
        return this;
    }

    public PeerGate configure(java.util.function.UnaryOperator<FederationConfig> change) {
        federation = change.apply(federation);
        return this;
    }

    private GateConfig config() {
        return new GateConfig(domain, address, c2sPort, s2sPort, 0, dataDir, null, null, null, null, null,
                GateConfig.Limits.defaults().withStanzaRate(0), GateConfig.DEFAULT_MAX_KEY_LIFE, false)
                .withFederation(federation);
    }

    public PeerGate start() throws IOException {
        gate = SpimeGate.start(config(), ConsoleSettings.defaults().withPasswordIterations(1_000));
        return this;
    }

    public void stop() {
        if (gate != null) {
            gate.close();
            gate = null;
        }
    }

    public SpimeGate gate() {
        return gate;
    }

    public String domain() {
        return domain;
    }

    public String address() {
        return address;
    }

    public int s2sPort() {
        return s2sPort;
    }

    public GateCertificate certificate() {
        return certificate;
    }

    /** Registers a SpimeID on this gate and logs it in over c2s. */
    public XMPPTCPConnection client(String localpart, String resource) throws Exception {
        String jid = localpart + "@" + domain + "/" + resource;
        try {
            gate.storage().identities().create(OsidKind.SPIME, jid, "test spime", PASSWORD);
        } catch (IdentityException existing) {
            // registered before a restart
        }
        EntityFullJid full = JidCreate.entityFullFrom(jid);
        XMPPTCPConnectionConfiguration conf = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(full.asDomainBareJid())
                .setHostAddress(InetAddress.getByName(address))
                .setPort(c2sPort)
                .setUsernameAndPassword(full.getLocalpart().toString(), PASSWORD)
                .setResource(full.getResourcepart())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(TestTls.trusting(certificate.certificate()))
                .setSendPresence(true)
                .build();
        Roster.setRosterLoadedAtLoginDefault(false);
        XMPPTCPConnection c = new XMPPTCPConnection(conf);
        c.setReplyTimeout(15_000);
        Clients.connect(c);
        c.login();
        return c;
    }

    /** Closes the gate (every stream, c2s and s2s, cut) and starts it again as the same gate. */
    public void restart() throws IOException {
        stop();
        start();
    }

    /** Registers an OSID; a new account gets {@link #PASSWORD}, an existing one keeps its password. */
    public void register(OsidKind kind, String jid) {
        try {
            gate.storage().identities().create(kind, jid, "test " + kind, PASSWORD);
        } catch (IdentityException existingAccount) {
            gate.storage().identities().create(kind, jid, "test " + kind, null);
        }
    }

    public int c2sPort() {
        return c2sPort;
    }

    /** Trust in this gate's TLS certificate, as a client is configured with it. */
    public org.openspime.client.connection.GateTrust gateTrust() {
        return org.openspime.client.connection.GateTrust.using(TestTls.trusting(certificate.certificate()),
                domain + "'s certificate");
    }

    /** The certification service's JID, e.g. {@code certification.a.test}. */
    public org.openspime.certification.Jid certificationService() {
        return gate.certification().key().jid();
    }

    /** The public key the gate's certification service signs attestations with. */
    public java.security.PublicKey certificationKey() {
        return gate.certification().key().publicKey();
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
