package org.openspime.client.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.client.report.Fixtures.MALLORY;
import static org.openspime.client.report.Fixtures.MALLORY_KEYS;
import static org.openspime.client.report.Fixtures.SCOPENODE_KEYS;
import static org.openspime.client.report.Fixtures.SNID;
import static org.openspime.client.report.Fixtures.SPIME;
import static org.openspime.client.report.Fixtures.SPIME_KEYS;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;
import org.openspime.certification.Jid;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.attestation.Attestor;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.report.crypto.Recipient;
import org.openspime.client.report.crypto.RecipientKeys;
import org.openspime.client.talk.crypto.TalkOpener;
import org.openspime.client.talk.crypto.TalkRefusedException;
import org.openspime.client.talk.crypto.TalkSealer;
import org.openspime.client.talk.element.TalkElement;
import org.openspime.client.talk.element.TalkProvider;

/**
 * Talk sealed, written, read back from its XML and opened, against keys certified by a real {@link Attestor} and
 * checked by a real {@link KeyVerifier} (docs/protocol-talk.md sections 2-4).
 */
class TalkTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Jid GATE = Jid.of("certification.gate.example");
    private static final KeyPair GATE_KEYS = RsaKeys.generate();

    private final KeyVerifier verifier = verifier(Map.of(SPIME, SPIME_KEYS, MALLORY, MALLORY_KEYS, SNID, SCOPENODE_KEYS));
    private final TalkSealer alice = new TalkSealer(SPIME, SPIME_KEYS, CLOCK, new SecureRandom());
    private final TalkOpener bob = opener(SNID, SCOPENODE_KEYS, CLOCK);

    private TalkOpener opener(Jid self, KeyPair keys, Clock clock) {
        return new TalkOpener(self, RecipientKeys.of(keys), verifier, TalkPolicy.DEFAULT, clock);
    }

    private static KeyVerifier verifier(Map<Jid, KeyPair> certified) {
        try {
            Attestor attestor = new Attestor(new CertificationKey(GATE, GATE_KEYS));
            TrustAnchors anchors = TrustAnchors.builder().trust(GATE, GATE_KEYS.getPublic()).build();
            return new KeyVerifier(new AttestationVerifier(anchors), jid -> {
                KeyPair pair = certified.get(jid);
                if (pair == null) {
                    throw new NoKeyPublishedException(jid + " has no key");
                }
                PubKey pub = new PubKey(jid, (RSAPublicKey) pair.getPublic(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
                return new KeyList(jid, List.of(new KeyRecord(pub, List.of(attestor.attest(pub, NOW.minus(Duration.ofDays(1)))), Optional.empty())));
            }, Duration.ofMinutes(10), CLOCK);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TalkElement wire(TalkElement talk) throws Exception {
        return wire(talk.toXML().toString());
    }

    private static TalkElement wire(String xml) throws Exception {
        return new TalkProvider().parse(PacketParserUtils.getParserFor(xml));
    }

    private static Recipient bobsKey() {
        return Recipient.of(SNID, (RSAPublicKey) SCOPENODE_KEYS.getPublic());
    }

    @Test
    void aPlainMessageIsWrittenInTheDocumentedShapeAndOpensAsSent() throws Exception {
        TalkElement sealed = alice.plain(SNID, "valve 3 open");
        String xml = sealed.toXML().toString();

        assertThat(xml).matches("<talk xmlns='urn:openspime:talk:1' id='[0-9a-f]{32}' time='2025-03-01T12:00:05Z' "
                + "from='4a6b-5638@gate.example/spime' to='co2node@gate.example/co2'><signature key='[0-9A-F:]{95}' algo='rsa-sha256'>"
                + "[A-Za-z0-9+/=]+</signature><payload enc='none'>dmFsdmUgMyBvcGVu</payload></talk>");
        TalkMessage m = bob.open(wire(xml), SPIME);
        assertThat(m.text()).isEqualTo("valve 3 open");
        assertThat(m.from()).isEqualTo(SPIME);
        assertThat(m.encrypted()).isFalse();
        assertThat(m.id()).isEqualTo(sealed.id());
    }

    @Test
    void anEncryptedMessageOpensOnlyWithTheRecipientsKey() throws Exception {
        TalkElement sealed = alice.encrypted(bobsKey(), "maintenance code 4711 — ü");

        TalkMessage m = bob.open(wire(sealed), SPIME);
        assertThat(m.text()).isEqualTo("maintenance code 4711 — ü");
        assertThat(m.encrypted()).isTrue();
        assertThat(sealed.toXML().toString()).doesNotContain("4711").contains("<key recipient-key='").contains("enc='aes-256-gcm' nonce='");

        TalkOpener otherKeysSameJid = opener(SNID, MALLORY_KEYS, CLOCK);
        assertRefused(() -> otherKeysSameJid.open(wire(sealed), SPIME), TalkCondition.DECRYPTION_FAILED);
    }

    @Test
    void everyAlterationOfSignedTextIsRefusedBeforeDelivery() throws Exception {
        String xml = alice.plain(SNID, "temperature 21").toXML().toString();

        assertRefused(() -> bob.open(wire(xml.replace("dGVtcGVyYXR1cmUgMjE=", "dGVtcGVyYXR1cmUgOTk=")), SPIME), TalkCondition.BAD_SIGNATURE);
        assertRefused(() -> bob.open(wire(xml.replace("12:00:05Z", "12:00:04Z")), SPIME), TalkCondition.BAD_SIGNATURE);
        assertRefused(() -> bob.open(wire(xml.replace("12:00:05Z", "12:00:05.000Z")), SPIME), TalkCondition.MALFORMED_TALK);
        assertRefused(() -> bob.open(wire(xml.replace("from='4a6b-5638", "from='4A6B-5638")), SPIME), TalkCondition.MALFORMED_TALK);
        assertRefused(() -> bob.open(wire(xml.replaceAll("<signature.*</signature>", "")), SPIME), TalkCondition.SIGNATURE_REQUIRED);
    }

    @Test
    void aMessageInAnotherSendersNameOrForAnotherRecipientIsRefused() throws Exception {
        TalkSealer malloryAsAlice = new TalkSealer(SPIME, MALLORY_KEYS, CLOCK, new SecureRandom());

        assertRefused(() -> bob.open(wire(malloryAsAlice.plain(SNID, "open all")), MALLORY), TalkCondition.SENDER_MISMATCH);
        assertRefused(() -> bob.open(wire(malloryAsAlice.plain(SNID, "open all")), SPIME), TalkCondition.SENDER_KEY_UNAVAILABLE);
        assertRefused(() -> opener(MALLORY, MALLORY_KEYS, CLOCK).open(wire(alice.plain(SNID, "for bob")), SPIME), TalkCondition.WRONG_RECIPIENT);
    }

    @Test
    void staleAndReplayedMessagesAreRefused() throws Exception {
        TalkElement sealed = alice.plain(SNID, "reading 7");
        TalkOpener bobLater = opener(SNID, SCOPENODE_KEYS, Clock.offset(CLOCK, Duration.ofMinutes(6)));

        assertRefused(() -> bobLater.open(wire(sealed), SPIME), TalkCondition.STALE);
        bob.open(wire(sealed), SPIME);
        assertRefused(() -> bob.open(wire(sealed), SPIME), TalkCondition.REPLAY);
        assertThat(bob.open(wire(alice.plain(SNID, "reading 8")), SPIME).text()).isEqualTo("reading 8");
    }

    private interface Opening {
        void open() throws Exception;
    }

    private static void assertRefused(Opening opening, TalkCondition condition) {
        assertThatThrownBy(opening::open).isInstanceOfSatisfying(TalkRefusedException.class,
                e -> assertThat(e.condition()).as(e.getMessage()).isEqualTo(condition));
    }
}
