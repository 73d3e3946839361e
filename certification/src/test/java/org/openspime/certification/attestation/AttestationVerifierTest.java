package org.openspime.certification.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openspime.certification.BadSignatureException;
import org.openspime.certification.Jid;
import org.openspime.certification.KeyExpiredException;
import org.openspime.certification.KeyNotYetValidException;
import org.openspime.certification.KeyRevokedException;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.TestKeys;
import org.openspime.certification.UntrustedAttestorException;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;

class AttestationVerifierTest {

    static final Jid GATE = Jid.of("certify.gate.example");
    static final Jid ROGUE = Jid.of("certify.rogue.example");
    static final Jid SPIME = Jid.of("4a6b-5638@gate.example/spime");
    static final Instant BEGIN = Instant.parse("2025-03-01T12:00:00Z");
    static final Instant END = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant DURING = Instant.parse("2025-07-01T00:00:00Z");

    private final Attestor gate = attestor(GATE, TestKeys.GATE);
    private final Attestor rogue = attestor(ROGUE, TestKeys.OTHER_GATE);
    private final AttestationVerifier verifier = new AttestationVerifier(anchors(GATE, TestKeys.GATE));
    private final PubKey pubKey = new PubKey(SPIME, (RSAPublicKey) TestKeys.SPIME.getPublic(), BEGIN, END);

    static Attestor attestor(Jid jid, java.security.KeyPair pair) {
        try {
            return new Attestor(new CertificationKey(jid, pair));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static TrustAnchors anchors(Jid jid, java.security.KeyPair pair) {
        try {
            return TrustAnchors.builder().trust(jid, pair.getPublic()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyRecord attested(PubKey key, Attestor... attestors) {
        List<Attestation> attestations = java.util.Arrays.stream(attestors).map(a -> a.attest(key, BEGIN)).toList();
        return new KeyRecord(key, attestations, Optional.empty());
    }

    @Test
    void keyAttestedByATrustedGateIsVerified() throws Exception {
        VerifiedKey verified = verifier.verify(attested(pubKey, gate), DURING);
        assertThat(verified.key()).isEqualTo(pubKey.key());
        assertThat(verified.fingerprint()).isEqualTo(pubKey.fingerprint());
        assertThat(verified.attestedBy()).isEqualTo(GATE);
        assertThat(verified.isValidAt(DURING)).isTrue();
    }

    @Test
    void untrustedAttestationsAreIgnoredWhenATrustedOneIsPresent() throws Exception {
        assertThat(verifier.verify(attested(pubKey, rogue, gate), DURING).attestedBy()).isEqualTo(GATE);
    }

    @Test
    void keyAttestedOnlyByAnUntrustedGateOrNotAtAllIsRefused() {
        assertThatThrownBy(() -> verifier.verify(attested(pubKey, rogue), DURING))
                .isInstanceOf(UntrustedAttestorException.class).hasMessageContaining("certify.rogue.example");
        assertThatThrownBy(() -> verifier.verify(attested(pubKey), DURING))
                .isInstanceOf(UntrustedAttestorException.class).hasMessageContaining("no attestation");
    }

    @Test
    void aTrustedGateVouchesOnlyForIdentitiesOfItsOwnDomain() throws Exception {
        AttestationVerifier trustingBoth = new AttestationVerifier(TrustAnchors.builder()
                .trust(GATE, TestKeys.GATE.getPublic()).trust(ROGUE, TestKeys.OTHER_GATE.getPublic()).build());
        assertThat(trustingBoth.verify(attested(pubKey, gate), DURING).attestedBy()).isEqualTo(GATE);
        // the other gate is trusted, but for rogue.example's identities, not for a spime of gate.example
        assertThatThrownBy(() -> trustingBoth.verify(attested(pubKey, rogue), DURING))
                .isInstanceOf(UntrustedAttestorException.class).hasMessageContaining("certify.rogue.example");
        PubKey rogueSpime = new PubKey(Jid.of("s1@rogue.example/spime"), pubKey.key(), BEGIN, END);
        assertThat(trustingBoth.verify(attested(rogueSpime, rogue), DURING).attestedBy()).isEqualTo(ROGUE);
    }

    @Test
    void attestationClaimingTheTrustedGateButSignedByAnotherKeyIsForged() {
        Attestation fake = attestor(GATE, TestKeys.OTHER_GATE).attest(pubKey, BEGIN);
        Attestation claimed = new Attestation(GATE, gate.key().fingerprint(), fake.signedAt(), fake.signature());
        assertThatThrownBy(() -> verifier.verify(new KeyRecord(pubKey, List.of(claimed), Optional.empty()), DURING))
                .isInstanceOf(BadSignatureException.class).hasMessageContaining("does not verify");
    }

    @Test
    void extendingTheValidityOrMovingTheKeyToAnotherJidBreaksTheSignature() {
        Attestation genuine = gate.attest(pubKey, BEGIN);
        PubKey longer = new PubKey(SPIME, pubKey.key(), BEGIN, END.plusSeconds(86400 * 365));
        PubKey stolen = new PubKey(Jid.of("thief@gate.example/x"), pubKey.key(), BEGIN, END);
        PubKey swapped = new PubKey(SPIME, (RSAPublicKey) TestKeys.SCOPENODE.getPublic(), BEGIN, END);
        for (PubKey altered : List.of(longer, stolen, swapped)) {
            assertThatThrownBy(() -> verifier.verify(new KeyRecord(altered, List.of(genuine), Optional.empty()), DURING))
                    .isInstanceOf(BadSignatureException.class);
        }
    }

    @Test
    void truncatedOrGarbageSignatureIsBadNotACrash() {
        Attestation genuine = gate.attest(pubKey, BEGIN);
        Attestation cut = new Attestation(GATE, genuine.signerFingerprint(), genuine.signedAt(), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> verifier.verify(new KeyRecord(pubKey, List.of(cut), Optional.empty()), DURING))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void validityIsEnforcedAtTheInstantOfUse() throws Exception {
        KeyRecord record = attested(pubKey, gate);
        assertThat(verifier.verify(record, BEGIN)).isNotNull();
        assertThatThrownBy(() -> verifier.verify(record, BEGIN.minusSeconds(1))).isInstanceOf(KeyNotYetValidException.class);
        assertThatThrownBy(() -> verifier.verify(record, END))
                .isInstanceOf(KeyExpiredException.class).hasMessageContaining("expired at 2026-03-01T12:00:00Z");
    }

    @Test
    void keyRevokedByTheTrustedGateIsRefused() {
        Revocation revocation = gate.revoke(SPIME, pubKey.fingerprint(), RevocationReason.KEY_COMPROMISE, DURING);
        KeyRecord record = attested(pubKey, gate).revokedBy(revocation);
        assertThatThrownBy(() -> verifier.verify(record, DURING))
                .isInstanceOf(KeyRevokedException.class).hasMessageContaining("key-compromise");
    }

    @Test
    void revocationByAnUntrustedGateIsIgnoredSoStrangersCannotRevokeKeys() throws Exception {
        Revocation revocation = rogue.revoke(SPIME, pubKey.fingerprint(), RevocationReason.KEY_COMPROMISE, DURING);
        assertThat(verifier.verify(attested(pubKey, gate).revokedBy(revocation), DURING)).isNotNull();
        assertThatThrownBy(() -> verifier.verifyRevocation(revocation)).isInstanceOf(UntrustedAttestorException.class);
    }

    @Test
    void forgedRevocationClaimingTheTrustedGateIsABadSignature() throws Exception {
        Revocation genuine = gate.revoke(SPIME, pubKey.fingerprint(), RevocationReason.SUPERSEDED, DURING);
        assertThat(verifier.verifyRevocation(genuine)).isEqualTo(genuine);
        Revocation altered = new Revocation(SPIME, pubKey.fingerprint(), DURING, RevocationReason.KEY_COMPROMISE,
                GATE, genuine.signerFingerprint(), genuine.signature());
        assertThatThrownBy(() -> verifier.verifyRevocation(altered)).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void attestationSignatureCannotBePassedOffAsARevocation() {
        Attestation attestation = gate.attest(pubKey, DURING);
        Revocation fake = new Revocation(SPIME, pubKey.fingerprint(), DURING, RevocationReason.UNSPECIFIED,
                GATE, attestation.signerFingerprint(), attestation.signature());
        assertThatThrownBy(() -> verifier.verifyRevocation(fake)).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void shortKeysAreRefusedEvenWhenAttested() {
        PubKey shortKey = new PubKey(SPIME, (RSAPublicKey) TestKeys.SHORT.getPublic(), BEGIN, END);
        assertThatThrownBy(() -> verifier.verify(attested(shortKey, gate), DURING)).isInstanceOf(KeyTooShortException.class);
    }

    @Test
    void gateCertificationKeyRotationIsSupportedByListingBothKeys() throws Exception {
        TrustAnchors both = TrustAnchors.builder().trust(GATE, TestKeys.GATE.getPublic()).trust(GATE, TestKeys.OTHER_GATE.getPublic()).build();
        Attestor rotated = attestor(GATE, TestKeys.OTHER_GATE);
        assertThat(new AttestationVerifier(both).verify(attested(pubKey, rotated), DURING).attestedBy()).isEqualTo(GATE);
        assertThatThrownBy(() -> verifier.verify(attested(pubKey, rotated), DURING)).isInstanceOf(UntrustedAttestorException.class);
    }

    @Test
    void trustAnchorsRefuseShortKeys() {
        assertThatThrownBy(() -> TrustAnchors.builder().trust(GATE, TestKeys.SHORT.getPublic())).isInstanceOf(KeyTooShortException.class);
        assertThat(verifier.anchors().gates()).containsExactly(GATE);
    }
}
