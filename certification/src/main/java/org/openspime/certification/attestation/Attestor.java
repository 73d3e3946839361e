package org.openspime.certification.attestation;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;

/**
 * Signs attestations and revocations with a gate's {@link CertificationKey}. It judges nothing: the
 * {@code service} package decides what deserves a signature. Thread-safe: each signature gets its own
 * {@link Signature} object (about 1 ms of RSA either way, so pooling them would not pay).
 */
public final class Attestor {

    static final String JCA_ALGORITHM = "SHA256withRSA";

    private final CertificationKey key;

    public Attestor(CertificationKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public CertificationKey key() {
        return key;
    }

    /** Attests that {@code pubKey} belongs to its JID for its validity period, as of {@code signedAt}. */
    public Attestation attest(PubKey pubKey, Instant signedAt) {
        byte[] bytes = SignedBytes.ofAttestation(pubKey, key.jid(), key.fingerprint(), signedAt);
        return new Attestation(key.jid(), key.fingerprint(), signedAt, sign(bytes));
    }

    /** Declares the key {@code fingerprint} of {@code jid} revoked as of {@code revokedAt}. */
    public Revocation revoke(Jid jid, Fingerprint fingerprint, RevocationReason reason, Instant revokedAt) {
        byte[] bytes = SignedBytes.ofRevocation(jid, fingerprint, revokedAt, reason, key.jid(), key.fingerprint());
        return new Revocation(jid, fingerprint, revokedAt, reason, key.jid(), key.fingerprint(), sign(bytes));
    }

    private byte[] sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initSign(key.keyPair().getPrivate());
            signature.update(bytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the certification key of " + key.jid(), e);
        }
    }
}
