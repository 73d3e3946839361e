package org.openspime.certification.element;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;

/**
 * A gate's signed statement that a key must no longer be trusted. Unlike an {@link Attestation} it names
 * the key itself (JID and fingerprint), so it can be pushed and checked on its own.
 *
 * @param jid               the JID the key was bound to
 * @param fingerprint       the revoked key
 * @param revokedAt         when the gate recorded the revocation
 * @param reason            why
 * @param signer            the certification service that signed
 * @param signerFingerprint which of its keys signed
 * @param signature         SHA256withRSA over the canonical revocation bytes
 */
public record Revocation(Jid jid, Fingerprint fingerprint, Instant revokedAt, RevocationReason reason,
                         Jid signer, Fingerprint signerFingerprint, byte[] signature) {

    public Revocation {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(fingerprint, "fingerprint");
        revokedAt = Timestamps.canonical(Objects.requireNonNull(revokedAt, "revokedAt"));
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signerFingerprint, "signerFingerprint");
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Revocation)) {
            return false;
        }
        Revocation other = (Revocation) o;
        return jid.equals(other.jid) && fingerprint.equals(other.fingerprint) && revokedAt.equals(other.revokedAt)
                && reason == other.reason && signer.equals(other.signer)
                && signerFingerprint.equals(other.signerFingerprint) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jid, fingerprint, revokedAt, reason, signer, signerFingerprint) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Revocation[" + jid + " " + fingerprint + " " + reason.token() + " at " + Timestamps.format(revokedAt) + " by " + signer + "]";
    }
}
