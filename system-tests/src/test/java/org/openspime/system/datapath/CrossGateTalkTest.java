package org.openspime.system.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.spime.Spime;
import org.openspime.client.talk.TalkMessage;
import org.openspime.gate.testing.PeerGate;

/**
 * Spime talk between spimes of two federated gates: each message is verified against its sender's key, fetched
 * from the sender's own gate's certification service across the link and trusted through that gate's
 * certification key; an encrypted one is sealed to the recipient's key fetched the same way.
 */
@Timeout(120)
class CrossGateTalkTest {

    @TempDir
    Path dir;

    @Test
    void spimesOfTwoGatesTalkBothWaysEachMessageVerifiedAgainstKeysCertifiedByTheSendersGate() throws Exception {
        try (PeerGate a = PeerGate.prepare("a.test", PeerGate.loopback(2));
             PeerGate b = PeerGate.prepare("b.test", PeerGate.loopback(3))) {
            a.federateWith(b).start();
            b.federateWith(a).start();
            TrustAnchors anchors = FederatedSpimes.anchorsOf(a, b);
            try (Spime valve = FederatedSpimes.start(a, "valve", anchors, dir);
                 Spime pump = FederatedSpimes.start(b, "pump", anchors, dir)) {
                BlockingQueue<TalkMessage> toPump = new LinkedBlockingQueue<>();
                BlockingQueue<TalkMessage> toValve = new LinkedBlockingQueue<>();
                pump.talk().addListener(toPump::add);
                valve.talk().addListener(toValve::add);

                String id = valve.talk().say(pump.osid(), "valve 3 open");
                TalkMessage heard = toPump.poll(30, TimeUnit.SECONDS);
                assertThat(heard).as("valve@a.test reached pump@b.test").isNotNull();
                assertThat(heard.id()).isEqualTo(id);
                assertThat(heard.from()).isEqualTo(valve.osid());
                assertThat(heard.signerKey()).isEqualTo(Fingerprint.of(valve.keys().getPublic()));

                pump.talk().sayEncrypted(valve.osid(), "pressure 2.1 bar");
                TalkMessage answer = toValve.poll(30, TimeUnit.SECONDS);
                assertThat(answer).as("pump@b.test reached valve@a.test, encrypted").isNotNull();
                assertThat(answer.text()).isEqualTo("pressure 2.1 bar");
                assertThat(answer.encrypted()).isTrue();
                assertThat(answer.signerKey()).isEqualTo(Fingerprint.of(pump.keys().getPublic()));
            }
        }
    }
}
