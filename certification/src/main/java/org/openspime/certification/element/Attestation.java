package org.openspime.certification.element;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;

/**
 * A certification gate's signature over the binding of a {@link PubKey}: its JID, key fingerprint and
 * validity. The attested key is not repeated here; an attestation always travels inside the
 * {@code <pubkey/>} it attests (see {@link KeyRecord}), and the signed bytes are rebuilt from both.
 *
 * @param signer            the JID of the certification service that signed
 * @param signerFingerprint which of the signer's keys signed (a gate rotates its key too)
 * @param signedAt          when it signed
 * @param signature         SHA256withRSA (PKCS#1 v1.5) over the canonical bytes
 */
public record Attestation(Jid signer, Fingerprint signerFingerprint, Instant signedAt, byte[] signature) {

    /** The only signature algorithm, named in the XML so that a future one can be told apart. */
    public static final String ALGORITHM = "rsa-sha256";

    public Attestation {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signerFingerprint, "signerFingerprint");
        signedAt = Timestamps.canonical(Objects.requireNonNull(signedAt, "signedAt"));
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attestation)) {
            return false;
        }
        Attestation other = (Attestation) o;
        return signer.equals(other.signer) && signerFingerprint.equals(other.signerFingerprint)
                && signedAt.equals(other.signedAt) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signer, signerFingerprint, signedAt) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Attestation[" + signer + " " + signerFingerprint + " at " + Timestamps.format(signedAt) + "]";
    }
}
