package org.openspime.system.datapath;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.client.connection.GateTrust;
import org.openspime.gate.SpimeGate;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;
import org.openspime.gate.testing.TestTls;
import org.openspime.web.ConsoleSettings;

/**
 * A real gate on a fixed loopback port and data directory, so that it can be closed and started again as an
 * operator restarts one: same domain, same TLS certificate and certification key (both kept in the data
 * directory), same identities. Clients keep their settings across the restart and find it where it was.
 */
public final class RestartableGate implements AutoCloseable {

    /** Console passwords hashed cheaply, as in {@link TestGate}; everything else as in production. */
    private static final ConsoleSettings CONSOLE = ConsoleSettings.defaults().withPasswordIterations(1_000);

    private final GateConfig config;
    private SpimeGate gate;

    private RestartableGate(GateConfig config) throws IOException {
        this.config = config;
        this.gate = SpimeGate.start(config, CONSOLE);
    }

    /** A gate for {@link TestGate#DOMAIN} with its data under {@code dataDir}, on a free loopback port. */
    public static RestartableGate start(Path dataDir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new RestartableGate(new GateConfig(TestGate.DOMAIN, "127.0.0.1", port, 0, 0, dataDir, null, null, null,
                null, null, GateConfig.Limits.defaults().withStanzaRate(0), GateConfig.DEFAULT_MAX_KEY_LIFE, false));
    }

    /** Closes the gate (every stream cut) and starts it again on the same port and data directory. */
    public void restart() throws IOException {
        gate.close();
        gate = SpimeGate.start(config, CONSOLE);
    }

    /** Registers an OSID; a new account gets {@link TestGate#PASSWORD}, an existing one keeps its password. */
    public void register(OsidKind kind, String jid) {
        try {
            gate.storage().identities().create(kind, jid, "test " + kind, TestGate.PASSWORD);
        } catch (IdentityException existingAccount) {
            gate.storage().identities().create(kind, jid, "test " + kind, null);
        }
    }

    public int port() {
        return config.c2sPort();
    }

    /** Trust in the gate's TLS certificate (the same after a restart). */
    public GateTrust trust() {
        return GateTrust.using(TestTls.trusting(gate.certificate().certificate()), "the test gate's certificate");
    }

    /** The gate's certificate pinned by fingerprint, as a config file names it. */
    public String certificatePin() {
        return gate.certificate().sha256Fingerprint();
    }

    /** What a spime or ScopeNode trusts to believe attested keys: this gate's certification key. */
    public TrustAnchors anchors() {
        return gate.certification().trustAnchors();
    }

    public SpimeGate gate() {
        return gate;
    }

    @Override
    public void close() {
        gate.close();
    }
}
