package org.openspime.gate.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.gate.testing.PeerGate;

/**
 * Links come and go: idle ones are closed, a peer that went away is reached again on the next stanza. These gates
 * authenticate each other by dialback only (SASL EXTERNAL off), so gate-to-gate dialback is covered here.
 */
class ReconnectTest {
    private PeerGate a;
    private PeerGate b;
    private XMPPTCPConnection alice;
    private XMPPTCPConnection bob;

    @BeforeEach
    void start() throws Exception {
        a = PeerGate.prepare("a.test", PeerGate.loopback(2));
        b = PeerGate.prepare("b.test", PeerGate.loopback(3));
        Duration idle = Duration.ofSeconds(2);
        a.federateWith(b).configure(f -> f.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(8), idle)
                .withSaslExternal(false)).start();
        b.federateWith(a).configure(f -> f.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(8), idle)
                .withSaslExternal(false)).start();
        alice = a.client("alice", "phone");
        bob = b.client("bob", "sensor");
    }

    @AfterEach
    void stop() {
        alice.disconnect();
        if (bob != null) {
            bob.disconnect();
        }
        a.close();
        b.close();
    }

    private static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), MessageTypeFilter.NORMAL_OR_CHAT);
        return q;
    }

    private void aliceSays(XMPPTCPConnection to, String body) throws Exception {
        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(to.getUser()).setBody(body).build());
    }

    @Test
    void idleLinkIsClosedAndReopenedByTheNextStanza() throws Exception {
        BlockingQueue<Message> bobs = inbox(bob);
        aliceSays(bob, "one");
        assertThat(bobs.poll(15, TimeUnit.SECONDS).getBody()).isEqualTo("one");
        assertThat(a.gate().federation().outboundLinks()).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (a.gate().federation().outboundLinks() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(a.gate().federation().outboundLinks()).as("idle link closed").isZero();
        aliceSays(bob, "two");
        assertThat(bobs.poll(15, TimeUnit.SECONDS).getBody()).isEqualTo("two");
        assertThat(b.gate().federation().metrics().authenticationCount("received_valid")).isEqualTo(2);
        assertThat(a.gate().federation().metrics().authenticationCount("verified_valid")).isEqualTo(2);
    }

    @Test
    void restartedPeerIsReconnectedOnTheNextStanza() throws Exception {
        BlockingQueue<Message> bobs = inbox(bob);
        aliceSays(bob, "before");
        assertThat(bobs.poll(15, TimeUnit.SECONDS).getBody()).isEqualTo("before");

        bob.disconnect();
        bob = null;
        b.stop();
        Ping whileDown = new Ping(org.jxmpp.jid.impl.JidCreate.entityFullFrom("bob@b.test/sensor"));
        assertThatThrownBy(() -> alice.sendIqRequestAndWaitForResponse(whileDown))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat((Object) e.getStanzaError()
                        .getCondition()).isIn(StanzaError.Condition.remote_server_not_found,
                        StanzaError.Condition.remote_server_timeout));

        b.start();
        bob = b.client("bob", "sensor");
        BlockingQueue<Message> again = inbox(bob);
        aliceSays(bob, "after");
        Message after = again.poll(15, TimeUnit.SECONDS);
        assertThat(after).isNotNull();
        assertThat(after.getBody()).isEqualTo("after");
    }
}
