package org.openspime.gate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.openspime.gate.SpimeGate;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.engine.XmppEngine;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.OsidKind;

/**
 * A real gate (embedded database in a temporary data directory, generated certificate, SASL against the
 * identity registry) on free loopback ports, for tests that talk XMPP to it.
 */
public final class TestGate implements AutoCloseable {
    public static final String DOMAIN = "gate.test";
    public static final String PASSWORD = "secret-password";

    private final Path dataDir;
    private final SpimeGate gate;

    private TestGate(GateConfig.Limits limits, Duration maxKeyLife, Clock clock) throws IOException {
        dataDir = Files.createTempDirectory("openspime-gate");
        GateConfig config = new GateConfig(DOMAIN, "127.0.0.1", 0, 0, 0, dataDir, null, null, null, null, null,
                limits, maxKeyLife);
        gate = SpimeGate.start(config, clock);
    }

    private TestGate(GateConfig.Limits limits) throws IOException {
        this(limits, GateConfig.DEFAULT_MAX_KEY_LIFE, Clock.systemUTC());
    }

    /** A gate whose certification service uses {@code clock} and {@code maxKeyLife}. */
    public static TestGate start(Clock clock, Duration maxKeyLife) throws IOException {
        return new TestGate(GateConfig.Limits.defaults().withStanzaRate(0), maxKeyLife, clock);
    }

    public static TestGate start() throws IOException {
        return new TestGate(GateConfig.Limits.defaults().withStanzaRate(0));
    }

    public static TestGate start(int maxStanzaBytes, int maxStanzasPerSecond) throws IOException {
        GateConfig.Limits d = GateConfig.Limits.defaults();
        return new TestGate(new GateConfig.Limits(maxStanzaBytes, maxStanzasPerSecond, d.maxAuthFailures(),
                d.authWindowSeconds(), d.listenBacklog()));
    }

    public IdentityRegistry identities() {
        return gate.storage().identities();
    }

    /** Registers a SpimeID (password {@link #PASSWORD} for a new account) and logs it in. */
    public XMPPTCPConnection newClient(String fullJid) throws Exception {
        register(OsidKind.SPIME, fullJid);
        return login(fullJid, PASSWORD);
    }

    /** Registers an OSID; a new account gets {@link #PASSWORD}, an existing one keeps its password. */
    public void register(OsidKind kind, String jid) {
        try {
            identities().create(kind, jid, "test " + kind, PASSWORD);
        } catch (IdentityException existingAccount) {
            identities().create(kind, jid, "test " + kind, null);
        }
    }

    public XMPPTCPConnection login(String fullJid, String password) throws Exception {
        return Clients.login(port(), trust(), fullJid, password);
    }

    public int port() {
        return gate.c2sPort();
    }

    public X509TrustManager trust() {
        return TestTls.trusting(gate.certificate().certificate());
    }

    public XmppEngine engine() {
        return gate.engine();
    }

    public SpimeGate gate() {
        return gate;
    }

    @Override
    public void close() {
        gate.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
