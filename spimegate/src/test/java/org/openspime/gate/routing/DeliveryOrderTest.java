package org.openspime.gate.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.openspime.gate.testing.TestGate;

/**
 * Stanzas from one sender to one recipient arrive in the order sent (stock Vysper reorders them through its
 * unordered pools), and many concurrent senders lose nothing and cut no connection (stock Vysper's shared
 * charset decoder did, notes item 9).
 */
class DeliveryOrderTest {

    @Test
    void hundredThousandMessagesFromOneSenderArriveInOrder() throws Exception {
        try (TestGate gate = TestGate.start()) {
            XMPPTCPConnection sender = gate.newClient("sender@gate.test/spime");
            XMPPTCPConnection receiver = gate.newClient("receiver@gate.test/node");
            int total = 100_000;
            Receiver r = new Receiver(receiver, total);
            send(sender, receiver.getUser(), total);
            assertThat(r.done.await(120, TimeUnit.SECONDS)).as("all %d received, got %d", total, r.count.get())
                    .isTrue();
            assertThat(r.outOfOrder.get()).isZero();
            assertThat(sender.isConnected()).isTrue();
            sender.disconnect();
            receiver.disconnect();
        }
    }

    @RepeatedTest(3)
    void tenConcurrentPairsLoseNothingOnAFreshGate() throws Exception {
        try (TestGate gate = TestGate.start()) {
            int pairs = 10;
            int perPair = 5_000;
            List<XMPPTCPConnection> senders = new ArrayList<>();
            List<Receiver> receivers = new ArrayList<>();
            List<XMPPTCPConnection> receiverConnections = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                senders.add(gate.newClient("s" + i + "@gate.test/spime"));
                XMPPTCPConnection rc = gate.newClient("r" + i + "@gate.test/node");
                receiverConnections.add(rc);
                receivers.add(new Receiver(rc, perPair));
            }
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                XMPPTCPConnection s = senders.get(i);
                EntityFullJid to = receiverConnections.get(i).getUser();
                Thread t = new Thread(() -> {
                    try {
                        send(s, to, perPair);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join(120_000);
            }
            for (Receiver r : receivers) {
                assertThat(r.done.await(120, TimeUnit.SECONDS)).as("received %d of %d", r.count.get(), perPair)
                        .isTrue();
                assertThat(r.outOfOrder.get()).isZero();
            }
            for (XMPPTCPConnection c : senders) {
                assertThat(c.isConnected()).as("sender still connected").isTrue();
                c.disconnect();
            }
            receiverConnections.forEach(XMPPTCPConnection::disconnect);
        }
    }

    private static void send(XMPPTCPConnection sender, EntityFullJid to, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            sender.sendStanza(sender.getStanzaFactory().buildMessageStanza().to(to)
                    .setBody("ü-" + i + "-€").build());
        }
    }

    private static final class Receiver {
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        private int expected;

        Receiver(XMPPTCPConnection connection, int total) {
            connection.addSyncStanzaListener(stanza -> {
                String body = ((Message) stanza).getBody();
                int n = Integer.parseInt(body.substring(2, body.lastIndexOf('-')));
                if (n != expected) {
                    outOfOrder.incrementAndGet();
                }
                expected = n + 1;
                if (count.incrementAndGet() == total) {
                    done.countDown();
                }
            }, MessageTypeFilter.NORMAL_OR_CHAT);
        }
    }
}
