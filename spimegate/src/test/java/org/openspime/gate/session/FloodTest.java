package org.openspime.gate.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.openspime.gate.testing.TestGate;

/** A connection that floods past its stanza rate is cut off with policy-violation; others keep being served. */
class FloodTest {

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void floodingConnectionIsCutOffAndOthersAreServed() throws Exception {
        try (TestGate gate = TestGate.start(65_536, 200)) {
            XMPPTCPConnection bystander = gate.newClient("bystander@gate.test/spime");
            XMPPTCPConnection peer = gate.newClient("peer@gate.test/node");
            XMPPTCPConnection flooder = gate.newClient("flooder@gate.test/spime");
            AtomicReference<Exception> cause = new AtomicReference<>();
            CountDownLatch cut = new CountDownLatch(1);
            flooder.addConnectionListener(new ConnectionListener() {
                @Override
                public void connectionClosedOnError(Exception e) {
                    cause.set(e);
                    cut.countDown();
                }
            });
            for (int i = 0; i < 5_000 && flooder.isConnected(); i++) {
                try {
                    // not sendStanza: once the gate has cut the flooder off, Smack's writer may be gone with its
                    // queue full, and sendStanza would wait for room forever
                    if (!flooder.trySendStanza(flooder.getStanzaFactory().buildMessageStanza().to(peer.getUser())
                            .setBody("flood " + i).build(), 5, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (Exception closed) {
                    break;
                }
            }
            assertThat(cut.await(20, TimeUnit.SECONDS)).as("flooder cut off").isTrue();
            assertThat(cause.get()).isInstanceOfSatisfying(StreamErrorException.class, e ->
                    assertThat((Object) e.getStreamError().getCondition())
                            .isEqualTo(StreamError.Condition.policy_violation));
            assertThat(PingManager.getInstanceFor(bystander).ping(peer.getUser(), 10_000)).isTrue();
            bystander.disconnect();
            peer.disconnect();
        }
    }
}
