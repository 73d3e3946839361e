package org.openspime.gate.certification;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.openspime.client.certification.CertificationManager;
import org.openspime.gate.testing.TestGate;

/**
 * A test gate with its certification service on the gate's own JDBC store (embedded H2 in a temporary data directory), a
 * clock the test moves, and a maximum key life of 30 days so that "beyond the maximum key life" is cheap to reach.
 */
public final class CertifyingGate implements AutoCloseable {
    public static final Duration MAX_KEY_LIFE = Duration.ofDays(30);

    private final TestGate gate;
    private final GateCertification certification;
    private final Clock clock;
    private final List<XMPPTCPConnection> clients = new ArrayList<>();

    private CertifyingGate(Clock clock) throws Exception {
        this.clock = clock;
        gate = TestGate.start(clock, MAX_KEY_LIFE);
        certification = gate.gate().certification();
    }

    public static CertifyingGate start(Clock clock) throws Exception {
        return new CertifyingGate(clock);
    }

    public static CertifyingGate start() throws Exception {
        return new CertifyingGate(new TestClock(Instant.now()));
    }

    /** A logged-in client whose certification manager uses the gate's clock. */
    public XMPPTCPConnection client(String fullJid) throws Exception {
        XMPPTCPConnection c = gate.newClient(fullJid);
        clients.add(c);
        CertificationManager.getInstanceFor(c).setClock(clock);
        return c;
    }

    public static CertificationManager certification(XMPPTCPConnection connection) {
        return CertificationManager.getInstanceFor(connection);
    }

    public GateCertification certification() {
        return certification;
    }

    public Clock clock() {
        return clock;
    }

    public TestGate gate() {
        return gate;
    }

    public Path dataDir() {
        return gate.gate().config().dataDir();
    }

    @Override
    public void close() {
        for (XMPPTCPConnection c : clients) {
            c.disconnect();
        }
        gate.close();
    }
}
