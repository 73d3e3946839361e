package org.openspime.client.report.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.client.report.Fixtures.MALLORY;
import static org.openspime.client.report.Fixtures.MALLORY_KEYS;
import static org.openspime.client.report.Fixtures.OTHER_SNID;
import static org.openspime.client.report.Fixtures.SCOPE;
import static org.openspime.client.report.Fixtures.SNID;
import static org.openspime.client.report.Fixtures.SPIME;

import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.BadSignatureException;
import org.openspime.client.report.EncryptionRequiredException;
import org.openspime.client.report.Fixtures;
import org.openspime.client.report.InvalidBase64Exception;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.SenderKeyUnavailableException;
import org.openspime.client.report.SenderMismatchException;
import org.openspime.client.report.SignatureRequiredException;
import org.openspime.client.report.TamperedCiphertextException;
import org.openspime.client.report.UnknownTransportKeyException;
import org.openspime.client.report.WrongRecipientException;
import org.openspime.client.report.WrongScopeException;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.element.Originator;
import org.openspime.client.report.element.OriginatorSignature;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Transport;

/**
 * Every alteration of a sealed report is refused with its own exception. Signed reports fail at the signature
 * (checked first, so nothing is unwrapped or decrypted for them); where the scope accepts unsigned reports, or
 * when an attacker re-signs a ciphertext as his own, the associated data makes AES-GCM refuse it.
 */
class ReportTamperingTest {

    static final ScopeRequirements UNSIGNED_ALLOWED = new ScopeRequirements(SCOPE, false, true, ReportLimits.DEFAULT);

    static ReportEnvelope sealed(String id) {
        return Parties.sealer().sealEncrypted(Fixtures.co2Report(id), Parties.SCOPENODE);
    }

    static ReportEnvelope withTransport(ReportEnvelope e, Transport t) {
        return new ReportEnvelope(e.id(), e.time(), e.originator(), t);
    }

    static ReportEnvelope flipCiphertextBit(ReportEnvelope e) {
        Transport t = e.transport();
        byte[] c = t.payload().clone();
        c[c.length / 2] ^= 0x01;
        return withTransport(e, Transport.encrypted(t.recipient(), t.key().orElseThrow(), t.nonce().orElseThrow(), c));
    }

    static ReportEnvelope unsigned(ReportEnvelope e) {
        return new ReportEnvelope(e.id(), e.time(), new Originator(e.originator().jid(), Optional.empty()), e.transport());
    }

    /** What Mallory can do with a captured envelope: strip the signature and sign the rest with her own key. */
    static ReportEnvelope resignedAs(ReportEnvelope e, java.security.KeyPair keys, org.openspime.certification.Jid as) throws Exception {
        ReportEnvelope claimed = new ReportEnvelope(e.id(), e.time(), new Originator(as, Optional.empty()), e.transport());
        OriginatorSignature sig = new OriginatorSignature(Fingerprint.of(keys.getPublic()), new byte[0]);
        byte[] value = Primitives.sign(keys.getPrivate(), EnvelopeBytes.signed(claimed, sig));
        return new ReportEnvelope(e.id(), e.time(), new Originator(as, Optional.of(new OriginatorSignature(sig.key(), value))), e.transport());
    }

    static void refused(ReportOpener opener, ReportEnvelope e, org.openspime.certification.Jid from,
                        Class<? extends ReportRefusedException> refusal, ReportCondition condition) {
        assertThatThrownBy(() -> opener.open(EnvelopeCodec.parse(EnvelopeCodec.toXml(e), ReportLimits.DEFAULT), from))
                .isInstanceOf(refusal)
                .satisfies(x -> assertThat(((ReportRefusedException) x).condition()).isEqualTo(condition));
    }

    @Test
    void flippedCiphertextBitFailsTheSignatureOrWhenUnsignedTheTag() {
        ReportEnvelope flipped = flipCiphertextBit(sealed("t1"));
        refused(Parties.opener(), flipped, SPIME, BadSignatureException.class, ReportCondition.BAD_SIGNATURE);
        refused(Parties.opener(UNSIGNED_ALLOWED, new TransportKeyCache()), unsigned(flipped), SPIME,
                TamperedCiphertextException.class, ReportCondition.DECRYPTION_FAILED);
    }

    @Test
    void swappedReportIdFailsTheSignatureOrWhenUnsignedTheTag() {
        ReportEnvelope e = sealed("t2");
        ReportEnvelope swapped = new ReportEnvelope(ReportId.of("other"), e.time(), e.originator(), e.transport());
        refused(Parties.opener(), swapped, SPIME, BadSignatureException.class, ReportCondition.BAD_SIGNATURE);
        refused(Parties.opener(UNSIGNED_ALLOWED, new TransportKeyCache()), unsigned(swapped), SPIME,
                TamperedCiphertextException.class, ReportCondition.DECRYPTION_FAILED);
    }

    @Test
    void changedTimeFailsTheSignature() {
        ReportEnvelope e = sealed("t3");
        refused(Parties.opener(), new ReportEnvelope(e.id(), e.time().plusSeconds(1), e.originator(), e.transport()), SPIME,
                BadSignatureException.class, ReportCondition.BAD_SIGNATURE);
    }

    @Test
    void ciphertextResignedByAnotherSpimeDoesNotDecryptAsHers() throws Exception {
        ReportEnvelope stolen = resignedAs(sealed("t4"), MALLORY_KEYS, MALLORY);
        refused(Parties.opener(), stolen, MALLORY, TamperedCiphertextException.class, ReportCondition.DECRYPTION_FAILED);
    }

    @Test
    void swappedSenderWithoutItsKeyIsRefusedAtTheKeyOrAtTheStanzaSender() {
        ReportEnvelope e = sealed("t5");
        ReportEnvelope claimed = new ReportEnvelope(e.id(), e.time(), new Originator(MALLORY, e.originator().signature()), e.transport());
        refused(Parties.opener(), claimed, MALLORY, SenderKeyUnavailableException.class, ReportCondition.SENDER_KEY_UNAVAILABLE);
        refused(Parties.opener(), e, MALLORY, SenderMismatchException.class, ReportCondition.NOT_AUTHORIZED);
    }

    @Test
    void forgedSignaturesAreRefused() throws Exception {
        ReportEnvelope e = sealed("t6");
        byte[] random = new byte[256];
        new java.security.SecureRandom().nextBytes(random);
        Fingerprint spimeKey = e.originator().signature().orElseThrow().key();
        ReportEnvelope forged = new ReportEnvelope(e.id(), e.time(), new Originator(SPIME, Optional.of(new OriginatorSignature(spimeKey, random))), e.transport());
        refused(Parties.opener(), forged, SPIME, BadSignatureException.class, ReportCondition.BAD_SIGNATURE);
        ReportEnvelope malloryKeyNamedAsSpimes = resignedAs(e, MALLORY_KEYS, SPIME);
        ReportEnvelope relabelled = new ReportEnvelope(e.id(), e.time(), new Originator(SPIME, Optional.of(new OriginatorSignature(spimeKey,
                malloryKeyNamedAsSpimes.originator().signature().orElseThrow().value()))), e.transport());
        refused(Parties.opener(), relabelled, SPIME, BadSignatureException.class, ReportCondition.BAD_SIGNATURE);
        ReportEnvelope shortSig = new ReportEnvelope(e.id(), e.time(), new Originator(SPIME, Optional.of(new OriginatorSignature(spimeKey,
                Arrays.copyOf(e.originator().signature().orElseThrow().value(), 255)))), e.transport());
        refused(Parties.opener(), shortSig, SPIME, BadSignatureException.class, ReportCondition.BAD_SIGNATURE);
    }

    @Test
    void reportSealedToAnotherKeyOrAddressedElsewhereHasNoKeyHere() {
        Recipient wrongKey = Recipient.of(SNID, (RSAPublicKey) Fixtures.OTHER_SCOPENODE_KEYS.getPublic());
        ReportEnvelope toOtherKey = Parties.sealer().sealEncrypted(Fixtures.co2Report("t7"), wrongKey);
        refused(Parties.opener(), toOtherKey, SPIME, UnknownTransportKeyException.class, ReportCondition.NO_KEY_AVAILABLE);
        Recipient otherNode = Recipient.of(OTHER_SNID, (RSAPublicKey) Fixtures.SCOPENODE_KEYS.getPublic());
        refused(Parties.opener(), Parties.sealer().sealEncrypted(Fixtures.co2Report("t8"), otherNode), SPIME,
                WrongRecipientException.class, ReportCondition.WRONG_RECIPIENT);
    }

    @Test
    void wrappedKeyThatClaimsOurFingerprintButWasWrappedToAnotherKeyDoesNotUnwrap() throws Exception {
        ReportEnvelope e = Parties.sealer().sealEncrypted(Fixtures.co2Report("t9"),
                new Recipient(SNID, (RSAPublicKey) Fixtures.OTHER_SCOPENODE_KEYS.getPublic(), Parties.SCOPENODE.fingerprint()));
        refused(Parties.opener(), e, SPIME, UnknownTransportKeyException.class, ReportCondition.NO_KEY_AVAILABLE);
    }

    @Test
    void anotherSendersKeyIdGivesNoAccessToTheKey() throws Exception {
        TransportKeyCache cache = new TransportKeyCache();
        ReportOpener opener = Parties.opener(ScopeRequirements.strict(SCOPE), cache);
        ReportEnvelope spimes = sealed("t10");
        opener.open(spimes, SPIME);
        ReportEnvelope mallorys = Parties.mallory().sealEncrypted(new Report(ReportId.of("m1"), MALLORY, SCOPE,
                Fixtures.co2Report("m1").readings()), Parties.SCOPENODE);
        Transport t = mallorys.transport();
        ReportEnvelope borrowing = withTransport(mallorys, Transport.encrypted(t.recipient(), spimes.transport().key().orElseThrow().referenceOnly(),
                t.nonce().orElseThrow(), t.payload()));
        refused(opener, resignedAs(borrowing, MALLORY_KEYS, MALLORY), MALLORY, UnknownTransportKeyException.class, ReportCondition.NO_KEY_AVAILABLE);
    }

    @Test
    void truncatedBase64IsMalformedNotABadSignature() {
        String xml = EnvelopeCodec.toXml(sealed("t11"));
        String truncated = xml.replaceFirst("(<payload>[^<]*?)[A-Za-z0-9+/=]{3}</payload>", "$1</payload>");
        assertThat(truncated).isNotEqualTo(xml);
        assertThatThrownBy(() -> EnvelopeCodec.parse(truncated, ReportLimits.DEFAULT)).isInstanceOf(InvalidBase64Exception.class)
                .satisfies(x -> assertThat(((ReportRefusedException) x).condition()).isEqualTo(ReportCondition.MALFORMED_ENVELOPE));
        String truncatedSignature = xml.replaceFirst("=?=?</signature>", "</signature>").replaceFirst(".</signature>", "</signature>");
        assertThatThrownBy(() -> EnvelopeCodec.parse(truncatedSignature, ReportLimits.DEFAULT)).isInstanceOf(InvalidBase64Exception.class);
    }

    @Test
    void scopeRequirementsAndScopeAreEnforced() throws Exception {
        ReportEnvelope e = sealed("t12");
        refused(Parties.opener(), unsigned(e), SPIME, SignatureRequiredException.class, ReportCondition.SIGNATURE_REQUIRED);
        refused(Parties.opener(), Parties.sealer().sealPlain(Fixtures.co2Report("t13"), SNID), SPIME,
                EncryptionRequiredException.class, ReportCondition.ENCRYPTION_REQUIRED);
        Report elsewhere = new Report(ReportId.of("t14"), SPIME, "noise", Fixtures.co2Report("t14").readings());
        refused(Parties.opener(), Parties.sealer().sealEncrypted(elsewhere, Parties.SCOPENODE), SPIME,
                WrongScopeException.class, ReportCondition.WRONG_SCOPE);
    }
}
