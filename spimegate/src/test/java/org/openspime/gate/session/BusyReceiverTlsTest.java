package org.openspime.gate.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.openspime.gate.testing.TestGate;

/**
 * One connection receiving from many concurrent senders, stanzas of mixed sizes (many small, about a third of 20
 * to 60 KB, bigger than a TLS record, like a spime's report of 120 readings), and acknowledging each, as a
 * ScopeNode does with reports: every message arrives intact, in each sender's order, and the receiving connection
 * survives. It used to die within seconds with {@code SSLException: Tag mismatch} (Smack could not authenticate a
 * TLS record): MINA's default TLS pipeline passed the records of one connection to the socket from two threads,
 * out of order (see {@code GateSession.writeProceedAndStartTls}).
 *
 * <p>Bounded: 20 senders sending for 10 s, at most 1.5 MB sent and not yet received at a time (so the receiver
 * is never cut off as a slow reader), 15 s to drain; loopback only.
 */
class BusyReceiverTlsTest {
    private static final int SENDERS = 20;
    /** How long the senders send. */
    private static final long SEND_MILLIS = 10_000;
    /** Bytes of message bodies sent but not yet received, shared by all senders. */
    private static final int MAX_UNREAD_BYTES = 1_500_000;

    @Test
    void receiverOfManyConcurrentSendersGetsEverythingInOrderOverTls() throws Exception {
        try (TestGate gate = TestGate.start(262_144, 0)) {
            XMPPTCPConnection receiver = gate.newClient("scope@gate.test/node");
            AtomicReference<Exception> receiverError = new AtomicReference<>();
            AtomicReference<Exception> closedOnError = new AtomicReference<>();
            receiver.addConnectionListener(new ConnectionListener() {
                @Override
                public void connectionClosedOnError(Exception e) {
                    closedOnError.set(e);
                    receiverError.compareAndSet(null, e);
                }
            });
            Semaphore unread = new Semaphore(MAX_UNREAD_BYTES);
            AtomicInteger received = new AtomicInteger();
            AtomicInteger sent = new AtomicInteger();
            ConcurrentHashMap<String, Integer> next = new ConcurrentHashMap<>();
            AtomicInteger outOfOrder = new AtomicInteger();
            AtomicInteger corrupt = new AtomicInteger();
            receiver.addSyncStanzaListener(stanza -> {
                String body = ((Message) stanza).getBody();
                // body: "<sender>:<n>:<length>:" followed by padding up to <length> characters
                String[] head = body.split(":", 4);
                int n = Integer.parseInt(head[1]);
                int length = Integer.parseInt(head[2]);
                if (body.length() != length || !head[3].chars().allMatch(c -> c == 'r' || c == 'x')) {
                    corrupt.incrementAndGet();
                }
                Integer expected = next.put(head[0], n + 1);
                if (n != (expected == null ? 0 : expected)) {
                    outOfOrder.incrementAndGet();
                }
                unread.release(length);
                received.incrementAndGet();
                try {
                    // acknowledge, as a ScopeNode does: the receiving connection also reads while it is written to
                    receiver.sendStanza(receiver.getStanzaFactory().buildMessageStanza().to(stanza.getFrom())
                            .setBody("ack " + n).build());
                } catch (Exception e) {
                    receiverError.compareAndSet(null, e);
                }
            }, MessageTypeFilter.NORMAL_OR_CHAT);

            List<XMPPTCPConnection> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                senders.add(gate.newClient("spime" + i + "@gate.test/spime"));
            }
            EntityFullJid to = receiver.getUser();
            AtomicReference<Throwable> senderError = new AtomicReference<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                XMPPTCPConnection s = senders.get(i);
                String name = "s" + i;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SEND_MILLIS);
                        for (int n = 0; System.nanoTime() < end && receiverError.get() == null; n++) {
                            int length = ThreadLocalRandom.current().nextInt(3) == 0
                                    ? ThreadLocalRandom.current().nextInt(20_000, 60_000)
                                    : ThreadLocalRandom.current().nextInt(60, 400);
                            String prefix = name + ":" + n + ":" + length + ":";
                            String body = prefix + (n % 2 == 0 ? "r" : "x").repeat(length - prefix.length());
                            while (!unread.tryAcquire(length, 100, TimeUnit.MILLISECONDS)) {
                                if (receiverError.get() != null) {
                                    return;
                                }
                            }
                            s.sendStanza(s.getStanzaFactory().buildMessageStanza().to(to).setBody(body).build());
                            sent.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        senderError.compareAndSet(null, e);
                    }
                }, "sender-" + i);
                t.start();
                threads.add(t);
            }
            long started = System.nanoTime();
            go.countDown();
            for (Thread t : threads) {
                t.join(SEND_MILLIS + 15_000);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (received.get() < sent.get() && receiverError.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            System.out.printf("BUSY %d ms: sent %d, received %d, error %s, closed on %s%n",
                    (System.nanoTime() - started) / 1_000_000, sent.get(), received.get(), receiverError.get(),
                    closedOnError.get());
            if (closedOnError.get() != null) {
                closedOnError.get().printStackTrace(System.out);
            }
            assertThat(closedOnError.get()).as("receiving connection closed on error").isNull();
            assertThat(receiverError.get()).as("receiving connection error").isNull();
            assertThat(senderError.get()).as("sender error").isNull();
            assertThat(received.get()).as("messages received").isEqualTo(sent.get());
            assertThat(outOfOrder.get()).as("out of order").isZero();
            assertThat(corrupt.get()).as("corrupted bodies").isZero();
            assertThat(receiver.isConnected()).isTrue();
            senders.forEach(XMPPTCPConnection::disconnect);
            receiver.disconnect();
        }
    }
}
