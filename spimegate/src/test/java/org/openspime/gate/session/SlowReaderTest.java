package org.openspime.gate.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLSocket;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.RawStream;
import org.openspime.gate.testing.TestGate;
import org.openspime.gate.testing.TestTls;

/**
 * A logged-in peer that stops reading while others keep writing to it is cut off once more than the outbox
 * limit is queued for it (and its socket closed a few seconds later); its senders and everyone else keep being
 * served, and the gate does not grow without bound.
 */
@org.junit.jupiter.api.Timeout(180)
class SlowReaderTest {

    @Test
    void peerThatStopsReadingIsCutOffAndOthersAreServed() throws Exception {
        try (TestGate gate = TestGate.start()) {
            gate.register(OsidKind.SPIME, "sleepy@gate.test/spime");
            XMPPTCPConnection sender = gate.newClient("sender@gate.test/spime");
            XMPPTCPConnection bystander = gate.newClient("bystander@gate.test/spime");
            try (SSLSocket sleepy = loggedInWithoutReading(gate, "sleepy", "spime")) {
                String body = "x".repeat(1_000);
                Entity sleepyJid = EntityImpl.parse("sleepy@gate.test/spime");
                // up to 24 MB for a peer that reads nothing: more than socket buffers and the 4 MiB outbox hold
                for (int i = 0; i < 24_000 && sender.isConnected(); i++) {
                    if (!sender.trySendStanza(sender.getStanzaFactory().buildMessageStanza()
                            .to(JidCreate.entityFullFrom("sleepy@gate.test/spime")).setBody(body).build(),
                            5, java.util.concurrent.TimeUnit.SECONDS)) {
                        break;
                    }
                    if (i % 200 == 0 && gate.engine().registry().sessionOf(sleepyJid) == null) {
                        break;
                    }
                }
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (gate.engine().registry().sessionOf(sleepyJid) != null && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(gate.engine().registry().sessionOf(sleepyJid)).as("the slow reader was cut off").isNull();
                assertThat(sender.isConnected()).as("the sender is not punished").isTrue();
                assertThat(PingManager.getInstanceFor(bystander).ping(sender.getUser(), 10_000)).isTrue();
                drainUntilClosed(sleepy);
            }
            sender.disconnect();
            bystander.disconnect();
        }
    }

    /**
     * Back-pressure before the cut-off: requests (IQ get/set) to a peer with more than a megabyte queued are answered
     * {@code resource-constraint} of type {@code wait} — the sender retries later — instead of being queued until
     * the peer has to be cut off. A ScopeNode briefly slower than its scope's spimes stays connected.
     */
    @Test
    void requestsToAPeerThatStopsReadingAreRefusedForNowAndThePeerStaysConnected() throws Exception {
        try (TestGate gate = TestGate.start()) {
            gate.register(OsidKind.SCOPENODE, "busy@gate.test/node");
            XMPPTCPConnection sender = gate.newClient("reporter@gate.test/spime");
            java.util.List<org.jivesoftware.smack.packet.StanzaError> refusals =
                    new java.util.concurrent.CopyOnWriteArrayList<>();
            sender.addAsyncStanzaListener(st -> refusals.add(st.getError()),
                    st -> st instanceof org.jivesoftware.smack.packet.IQ iq
                            && iq.getType() == org.jivesoftware.smack.packet.IQ.Type.error);
            try (SSLSocket busy = loggedInWithoutReading(gate, "busy", "node")) {
                Entity busyJid = EntityImpl.parse("busy@gate.test/node");
                org.jxmpp.jid.Jid to = JidCreate.entityFullFrom("busy@gate.test/node");
                String payload = ">" + "x".repeat(2_000);
                // 3,000 requests of 2 KB: 6 MB, more than socket buffers, the 1 MiB busy mark and the 4 MiB cut-off
                for (int i = 0; i < 3_000 && refusals.size() < 50; i++) {
                    if (!sender.trySendStanza(new org.openspime.gate.testing.RawChildIQ(
                            org.jivesoftware.smack.packet.IQ.Type.set, to, "report", "urn:test:load", payload),
                            5, java.util.concurrent.TimeUnit.SECONDS)) {
                        break;
                    }
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (refusals.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(refusals).as("requests refused for now").isNotEmpty();
                assertThat(refusals.get(0).getCondition())
                        .isEqualTo(org.jivesoftware.smack.packet.StanzaError.Condition.resource_constraint);
                assertThat(refusals.get(0).getType()).isEqualTo(org.jivesoftware.smack.packet.StanzaError.Type.WAIT);
                assertThat(gate.engine().registry().sessionOf(busyJid)).as("the busy peer is not cut off").isNotNull();
                assertThat(sender.isConnected()).isTrue();

                // the peer reads again: what was queued for it arrives (until two quiet seconds), and it stops being busy
                busy.setSoTimeout(2_000);
                InputStream in = busy.getInputStream();
                byte[] buf = new byte[64 * 1024];
                long drained = 0;
                deadline = System.nanoTime() + 30_000_000_000L;
                GateSession session = (GateSession) gate.engine().registry().sessionOf(busyJid);
                while (System.nanoTime() < deadline) {
                    try {
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        drained += n;
                    } catch (SocketTimeoutException quiet) {
                        break;
                    }
                }
                assertThat(drained).as("bytes delivered once the peer read again").isGreaterThan(1_000_000);
                assertThat(session.isBusy()).isFalse();
                assertThat(gate.engine().registry().sessionOf(busyJid)).isNotNull();
            }
            sender.disconnect();
        }
    }

    /** STARTTLS, SASL PLAIN and bind on a plain socket; then the test simply stops reading it. */
    private static SSLSocket loggedInWithoutReading(TestGate gate, String user, String resource) throws Exception {
        Socket plain = new Socket(InetAddress.getLoopbackAddress(), gate.port());
        plain.setSoTimeout(10_000);
        plain.setReceiveBufferSize(16 * 1024);
        OutputStream out = plain.getOutputStream();
        out.write(String.format(RawStream.HEADER_FORMAT, TestGate.DOMAIN).getBytes(StandardCharsets.UTF_8));
        out.write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".getBytes(StandardCharsets.UTF_8));
        readUntil(plain.getInputStream(), "<proceed");
        SSLSocket tls = (SSLSocket) TestTls.clientContext(gate.gate().certificate().certificate()).getSocketFactory()
                .createSocket(plain, "127.0.0.1", gate.port(), true);
        tls.startHandshake();
        OutputStream o = tls.getOutputStream();
        InputStream in = tls.getInputStream();
        o.write(String.format(RawStream.HEADER_FORMAT, TestGate.DOMAIN).getBytes(StandardCharsets.UTF_8));
        readUntil(in, "</stream:features>");
        String plainAuth = Base64.getEncoder().encodeToString(("\0" + user + "\0" + TestGate.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        o.write(("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plainAuth + "</auth>")
                .getBytes(StandardCharsets.UTF_8));
        readUntil(in, "<success");
        o.write(String.format(RawStream.HEADER_FORMAT, TestGate.DOMAIN).getBytes(StandardCharsets.UTF_8));
        readUntil(in, "</stream:features>");
        o.write(("<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                + "</resource></bind></iq>").getBytes(StandardCharsets.UTF_8));
        readUntil(in, "</iq>");
        o.flush();
        return tls;
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("closed before " + marker + ": " + seen.toString(StandardCharsets.UTF_8));
            }
            seen.write(buf, 0, n);
        }
    }

    /**
     * Reads what the gate had sent until it closed the connection (it gives a peer that does not read a few
     * seconds to read its stream error, then closes); keeps only the tail.
     */
    private static String drainUntilClosed(SSLSocket socket) throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[64 * 1024];
        String tail = "";
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                String chunk = new String(buf, 0, n, StandardCharsets.UTF_8);
                tail = (tail + chunk).substring(Math.max(0, tail.length() + chunk.length() - 2_000));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the gate never closed the connection of a peer that stopped reading", e);
        } catch (IOException reset) {
            // the gate may reset the connection once the stream error is out
        }
        return tail;
    }
}
