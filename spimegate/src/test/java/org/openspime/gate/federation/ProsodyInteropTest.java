package org.openspime.gate.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openspime.gate.config.FederationConfig;
import org.openspime.gate.testing.TestTls;
import org.openspime.gate.testing.PeerGate;

/**
 * A gate federates with Prosody (Debian's {@code prosody}, started by the test with its own configuration):
 * messages and IQs both ways, over STARTTLS and dialback in both directions. The gate pins Prosody's
 * certificate; Prosody, which cannot verify the gate's self-signed one, authenticates the gate by dialback.
 * Prosody finds the gate by its SRV record in the test's own DNS responder, so every port is picked at run time.
 * Skipped only where Prosody is not installed and {@code CI} is not set; in CI a missing Prosody fails.
 */
class ProsodyInteropTest {
    private static PeerGate gate;
    private static TestDnsResponder dns;
    private static ProsodyServer prosody;
    private static XMPPTCPConnection alice;
    private static XMPPTCPConnection carol;

    @BeforeAll
    static void start() throws Exception {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        Assumptions.assumeTrue(ProsodyServer.installed() || ci, "prosody is not installed (apt-get install prosody)");
        String gateAddress = PeerGate.loopback(8);
        gate = PeerGate.prepare("a.test", gateAddress);
        // Prosody finds the gate as any server finds a peer: by its SRV record, here in a DNS of the test's own
        dns = new TestDnsResponder("127.0.0.1").xmppServer("a.test", "xmpp.a.test", gateAddress, gate.s2sPort());
        prosody = new ProsodyServer("p.test", PeerGate.loopback(9), dns.forwarder());
        prosody.register("carol");
        prosody.start();
        gate.configure(f -> f.withPeer("p.test", new FederationConfig.HostPort(prosody.address(), prosody.s2sPort()))
                .withPinnedCertificate("p.test", prosody.certificate().sha256Fingerprint())).start();
        alice = gate.client("alice", "phone");
        carol = prosodyClient("carol", "laptop");
    }

    private static XMPPTCPConnection prosodyClient(String user, String resource) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(prosody.domain())
                .setHostAddress(InetAddress.getByName(prosody.address()))
                .setPort(prosody.c2sPort())
                .setUsernameAndPassword(user, ProsodyServer.PASSWORD)
                .setResource(resource)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(TestTls.trusting(prosody.certificate().certificate()))
                .build());
        c.setReplyTimeout(20_000);
        c.connect().login();
        return c;
    }

    @AfterAll
    static void stop() throws Exception {
        if (alice != null) {
            alice.disconnect();
        }
        if (carol != null) {
            carol.disconnect();
        }
        if (gate != null) {
            gate.close();
        }
        if (prosody != null) {
            prosody.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), MessageTypeFilter.NORMAL_OR_CHAT);
        return q;
    }

    @Test
    void messagesCrossBetweenGateAndProsodyBothWays() throws Exception {
        BlockingQueue<Message> carols = inbox(carol);
        BlockingQueue<Message> alices = inbox(alice);
        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(carol.getUser()).setBody("to prosody")
                .build());
        Message atCarol = carols.poll(20, TimeUnit.SECONDS);
        assertThat(atCarol).as("DNS queries: %s\nprosody log:\n%s", dns.queries(), prosody.log()).isNotNull();
        assertThat(atCarol.getBody()).isEqualTo("to prosody");
        assertThat(atCarol.getFrom().toString()).isEqualTo(alice.getUser().toString());

        carol.sendStanza(carol.getStanzaFactory().buildMessageStanza().to(alice.getUser()).setBody("to the gate")
                .build());
        Message atAlice = alices.poll(20, TimeUnit.SECONDS);
        assertThat(atAlice).as("DNS queries: %s\nprosody log:\n%s", dns.queries(), prosody.log()).isNotNull();
        assertThat(atAlice.getBody()).isEqualTo("to the gate");
        assertThat(atAlice.getFrom().toString()).isEqualTo(carol.getUser().toString());
    }

    @Test
    void iqsAreAnsweredAcrossBothWays() throws Exception {
        assertThat(PingManager.getInstanceFor(alice).ping(carol.getUser(), 20_000)).isTrue();
        VersionManager.getInstanceFor(alice).setVersion("alice-device", "3.1");
        Version version = VersionManager.getInstanceFor(carol).getVersion(alice.getUser());
        assertThat(version.getVersion()).isEqualTo("3.1");
    }
}
