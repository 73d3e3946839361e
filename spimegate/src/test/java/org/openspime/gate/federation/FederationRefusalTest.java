package org.openspime.gate.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openspime.gate.testing.PeerGate;

/**
 * Peers the receiving gate must refuse, and what their users see: a gate whose certificate is not the pinned one,
 * a gate the receiver has no trust for, a denied domain. In every case nothing reaches the recipient, the sender
 * gets {@code remote-server-not-found}, and the refusing side says why in its log.
 */
class FederationRefusalTest {
    private static PeerGate b;
    private static PeerGate x;
    private static PeerGate y;
    private static PeerGate z;
    private static XMPPTCPConnection bob;
    private static BlockingQueue<Message> bobs;

    @BeforeAll
    static void start() throws Exception {
        b = PeerGate.prepare("b.test", PeerGate.loopback(3));
        x = PeerGate.prepare("x.test", PeerGate.loopback(4));
        y = PeerGate.prepare("y.test", PeerGate.loopback(5));
        z = PeerGate.prepare("z.test", PeerGate.loopback(6));
        // b knows where y is but has neither a pin nor a CA for it; it denies z
        b.configure(f -> f.withPeer("y.test", new org.openspime.gate.config.FederationConfig.HostPort(y.address(),
                y.s2sPort())).withPolicy(Set.of(), Set.of("z.test"))).start();
        bob = b.client("bob", "sensor");
        bobs = new LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> bobs.add((Message) s), MessageTypeFilter.NORMAL_OR_CHAT);
    }

    @AfterAll
    static void stop() {
        bob.disconnect();
        b.close();
        x.close();
        y.close();
        z.close();
    }

    /** Sends a message and a ping to bob from a client of {@code from}; returns the ping's error condition. */
    private static StanzaError.Condition sendToBob(PeerGate from) throws Exception {
        XMPPTCPConnection c = from.client("sender", "x");
        try {
            c.sendStanza(c.getStanzaFactory().buildMessageStanza().to(bob.getUser()).setBody("should not arrive")
                    .build());
            Throwable[] error = new Throwable[1];
            assertThatThrownBy(() -> c.sendIqRequestAndWaitForResponse(new Ping(bob.getUser())))
                    .isInstanceOfSatisfying(XMPPErrorException.class, e -> error[0] = e);
            return ((XMPPErrorException) error[0]).getStanzaError().getCondition();
        } finally {
            c.disconnect();
        }
    }

    @Test
    void peerPresentingAnotherCertificateThanThePinnedOneIsRefused() throws Exception {
        try (LogCapture log = new LogCapture()) {
            // x reaches b at its real address but pins its own certificate for b: b's is then untrusted
            x.federateWith(b).configure(f -> f.withPinnedCertificate("b.test", x.certificate().sha256Fingerprint()))
                    .start();
            assertThat(sendToBob(x)).isEqualTo(StanzaError.Condition.remote_server_not_found);
            assertThat(bobs.poll(500, TimeUnit.MILLISECONDS)).isNull();
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN s2s to b.test refused")
                    && l.contains("not the one pinned for it"));
        }
    }

    @Test
    void peerTheReceiverHasNoTrustForFailsDialback() throws Exception {
        try (LogCapture log = new LogCapture()) {
            // y trusts b; b's dialback check of y meets a certificate b has no trust for
            y.federateWith(b).start();
            assertThat(sendToBob(y)).isEqualTo(StanzaError.Condition.remote_server_not_found);
            assertThat(bobs.poll(500, TimeUnit.MILLISECONDS)).isNull();
            assertThat(log.lines()).anyMatch(l -> l.equals("WARN s2s to y.test refused: no certificate is pinned "
                    + "for peer y.test and no CA is configured (--peer-cert y.test="
                    + y.certificate().sha256Fingerprint() + " would trust the one it presented)"));
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN s2s from y.test") && l.contains("refused"));
        }
    }

    @Test
    void deniedDomainIsRefusedAtItsStreamHeader() throws Exception {
        try (LogCapture log = new LogCapture()) {
            z.federateWith(b).start();
            assertThat(sendToBob(z)).isEqualTo(StanzaError.Condition.remote_server_not_found);
            assertThat(bobs.poll(500, TimeUnit.MILLISECONDS)).isNull();
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN s2s from z.test")
                    && l.endsWith("refused: domain not permitted by policy"));
            assertThat(b.gate().federation().metrics().refusedCount("policy")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void outboundTrafficToADeniedDomainBouncesAtOnce() throws Exception {
        XMPPTCPConnection c = b.client("carol", "x");
        try {
            Ping ping = new Ping(org.jxmpp.jid.impl.JidCreate.entityFullFrom("someone@z.test/x"));
            assertThatThrownBy(() -> c.sendIqRequestAndWaitForResponse(ping))
                    .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat((Object) e.getStanzaError()
                            .getCondition()).isEqualTo(StanzaError.Condition.remote_server_not_found));
        } finally {
            c.disconnect();
        }
    }
}
