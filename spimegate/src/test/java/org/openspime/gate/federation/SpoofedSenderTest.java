package org.openspime.gate.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.openspime.gate.config.FederationConfig;
import org.openspime.gate.testing.PeerGate;

/**
 * A peer that authenticated as its own domain cannot speak for another: stanzas whose {@code from} is not the
 * domain it proved by dialback are dropped, logged and counted, while its own stanzas on the same stream pass.
 */
class SpoofedSenderTest {

    @Test
    void stanzaFromADomainThePeerDidNotProveIsDroppedLoggedAndCounted() throws Exception {
        String rogueAddress = PeerGate.loopback(7);
        try (RogueGate rogue = new RogueGate("evil.test", rogueAddress);
             PeerGate b = PeerGate.prepare("b.test", PeerGate.loopback(3));
             LogCapture log = new LogCapture()) {
            b.configure(f -> f.withPeer("evil.test", new FederationConfig.HostPort(rogueAddress,
                    rogue.authoritativePort())).withPinnedCertificate("evil.test", rogue.fingerprint())).start();
            XMPPTCPConnection bob = b.client("bob", "sensor");
            BlockingQueue<Message> bobs = new LinkedBlockingQueue<>();
            bob.addAsyncStanzaListener(s -> bobs.add((Message) s), MessageTypeFilter.NORMAL_OR_CHAT);

            String answer = rogue.connectAndSend("b.test", b.address(), b.s2sPort(), b.certificate().certificate(),
                    "<message from='alice@a.test/phone' to='bob@b.test/sensor' type='chat'><body>spoofed</body>"
                            + "</message>",
                    "<message from='mallory@evil.test/x' to='bob@b.test/sensor' type='chat'><body>honest</body>"
                            + "</message>");

            assertThat(answer).contains("type='valid'");
            Message first = bobs.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.getBody()).isEqualTo("honest");
            assertThat(first.getFrom().toString()).isEqualTo("mallory@evil.test/x");
            assertThat(bobs.poll(500, TimeUnit.MILLISECONDS)).isNull();
            assertThat(b.gate().federation().metrics().refusedCount("spoofed_from")).isEqualTo(1);
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN s2s from evil.test")
                    && l.contains("dropped message from alice@a.test/phone")
                    && l.contains("not authenticated on this stream"));
            bob.disconnect();
        }
    }
}
