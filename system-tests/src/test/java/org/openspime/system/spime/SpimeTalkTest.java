package org.openspime.system.spime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.spime.Spime;
import org.openspime.client.talk.TalkCondition;
import org.openspime.client.talk.TalkMessage;
import org.openspime.client.talk.TalkRefusal;
import org.openspime.client.talk.crypto.TalkSealer;
import org.openspime.client.talk.element.TalkElement;

/** Spime talk between real spimes through a real gate (docs/protocol-talk.md). */
@Timeout(60)
class SpimeTalkTest {

    @TempDir
    static Path dir;
    static SpimeNetwork network;
    static Spime alice;
    static Spime bob;
    static Spime mallory;
    static final BlockingQueue<TalkMessage> toAlice = new LinkedBlockingQueue<>();
    static final BlockingQueue<TalkMessage> toBob = new LinkedBlockingQueue<>();
    static final BlockingQueue<TalkRefusal> refusedToMallory = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        network = new SpimeNetwork(dir);
        alice = network.spime("alice@gate.test/spime");
        bob = network.spime("bob@gate.test/spime");
        mallory = network.spime("mallory@gate.test/spime");
        alice.talk().addListener(toAlice::add);
        bob.talk().addListener(toBob::add);
        mallory.talk().addRefusalListener(refusedToMallory::add);
    }

    @AfterAll
    static void stop() throws Exception {
        network.close();
    }

    @Test
    void spimesTalkBothWaysPlainAndEncryptedEachMessageVerifiedAgainstItsSendersKey() throws Exception {
        String plainId = alice.talk().say(bob.osid(), "valve 3 open");
        TalkMessage plain = toBob.poll(10, TimeUnit.SECONDS);
        assertThat(plain).isNotNull();
        assertThat(plain.id()).isEqualTo(plainId);
        assertThat(plain.text()).isEqualTo("valve 3 open");
        assertThat(plain.from()).isEqualTo(alice.osid());
        assertThat(plain.encrypted()).isFalse();
        assertThat(plain.signerKey()).isEqualTo(Fingerprint.of(alice.keys().getPublic()));

        bob.talk().sayEncrypted(alice.osid(), "ack, closing at 12:00 — ünïcode");
        TalkMessage secret = toAlice.poll(10, TimeUnit.SECONDS);
        assertThat(secret).isNotNull();
        assertThat(secret.text()).isEqualTo("ack, closing at 12:00 — ünïcode");
        assertThat(secret.from()).isEqualTo(bob.osid());
        assertThat(secret.encrypted()).isTrue();
        assertThat(secret.signerKey()).isEqualTo(Fingerprint.of(bob.keys().getPublic()));
    }

    @Test
    void aMessageSignedInAnotherSpimesNameIsRefusedAndNotDelivered() throws Exception {
        // Mallory seals as Alice, with his own key: the gate stamps his real address on the stanza
        TalkSealer asAlice = new TalkSealer(alice.osid(), mallory.keys(), java.time.Clock.systemUTC(), RsaKeys.strongRandom());
        String id = mallory.talk().send(asAlice.plain(bob.osid(), "open all valves"));

        assertRefused(id, TalkCondition.SENDER_MISMATCH);
    }

    @Test
    void aTamperedBodyFailsTheSignatureAndIsNotDelivered() throws Exception {
        TalkSealer own = new TalkSealer(mallory.osid(), mallory.keys(), java.time.Clock.systemUTC(), RsaKeys.strongRandom());
        TalkElement honest = own.plain(bob.osid(), "temperature 21");
        String id = mallory.talk().send(honest.withPayload("temperature 99".getBytes(StandardCharsets.UTF_8)));

        assertRefused(id, TalkCondition.BAD_SIGNATURE);
    }

    @Test
    void anUnsignedMessageIsRefused() throws Exception {
        TalkElement unsigned = new TalkElement("unsigned-1", java.time.Instant.now(), mallory.osid(), bob.osid(), Optional.empty(),
                Optional.empty(), TalkElement.ENC_NONE, Optional.empty(), Optional.empty(), Optional.empty(), "hi".getBytes(StandardCharsets.UTF_8));
        String id = mallory.talk().send(unsigned);

        assertRefused(id, TalkCondition.SIGNATURE_REQUIRED);
    }

    @Test
    void aReplayedMessageIsDeliveredOnce() throws Exception {
        TalkSealer own = new TalkSealer(mallory.osid(), mallory.keys(), java.time.Clock.systemUTC(), RsaKeys.strongRandom());
        TalkElement once = own.plain(bob.osid(), "reading 7");
        mallory.talk().send(once);
        TalkMessage first = toBob.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.id()).isEqualTo(once.id());

        mallory.talk().send(once);

        assertRefused(once.id(), TalkCondition.REPLAY);
    }

    @Test
    void aStaleMessageIsRefused() throws Exception {
        java.time.Clock hourAgo = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(-1));
        TalkSealer late = new TalkSealer(mallory.osid(), mallory.keys(), hourAgo, RsaKeys.strongRandom());
        String id = mallory.talk().send(late.plain(bob.osid(), "old news"));

        assertRefused(id, TalkCondition.STALE);
    }

    private static void assertRefused(String id, TalkCondition condition) throws InterruptedException {
        TalkRefusal refusal = refusedToMallory.poll(10, TimeUnit.SECONDS);
        assertThat(refusal).isNotNull();
        assertThat(refusal.id()).isEqualTo(id);
        assertThat(refusal.condition()).isEqualTo(condition);
        assertThat(refusal.refusedBy()).isEqualTo(bob.osid());
        assertThat(toBob.poll(300, TimeUnit.MILLISECONDS)).as("nothing delivered to Bob's listeners").isNull();
    }
}
