package org.openspime.gate.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.openspime.certification.Jid;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.keys.Fingerprint;

/** Keys end: the gate stops answering for them and a verifier stops trusting them, cached or not. */
class KeyExpiryTest {

    @Test
    void anExpiredKeyIsNoLongerListedNorTrusted() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (CertifyingGate gate = CertifyingGate.start(clock)) {
            XMPPTCPConnection spime = gate.client("4a6b-5638@gate.test/spime");
            XMPPTCPConnection node = gate.client("co2node@gate.test/co2");
            Jid spimeJid = Jid.of(spime.getUser().toString());
            Fingerprint fp = Fingerprint.of(TestKeyPairs.named("short-lived").getPublic());
            CertifyingGate.certification(spime).publish(TestKeyPairs.named("short-lived").getPublic(), Duration.ofHours(1));
            KeyVerifier verifier = CertifyingGate.certification(node)
                    .newVerifier(gate.certification().trustAnchors(), Duration.ofDays(1), clock);
            Instant signedAt = clock.instant().plusSeconds(60);
            assertThat(verifier.currentKey(spimeJid).fingerprint()).isEqualTo(fp);

            clock.advance(Duration.ofMinutes(30));
            assertThat(verifier.key(spimeJid, fp, signedAt).fingerprint()).isEqualTo(fp);

            clock.advance(Duration.ofMinutes(90));
            // The verdict was cached no longer than the key's end; the gate lists only keys whose validity has not
            // ended, so after the end nothing vouches for the key any more, not even for what it signed before.
            assertThatThrownBy(() -> CertifyingGate.certification(node).query(spimeJid, KeyQuery.Subscription.UNCHANGED))
                    .isInstanceOf(NoKeyPublishedException.class);
            assertThatThrownBy(() -> verifier.currentKey(spimeJid)).isInstanceOf(NoKeyPublishedException.class);
            assertThatThrownBy(() -> verifier.key(spimeJid, fp, signedAt)).isInstanceOf(NoKeyPublishedException.class);
        }
    }
}
