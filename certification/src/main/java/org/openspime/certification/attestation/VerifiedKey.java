package org.openspime.certification.attestation;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import org.openspime.certification.Jid;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.keys.Fingerprint;

/**
 * A key that passed verification: attested by a trusted gate, not revoked, long enough. Validity is
 * carried along because a key verified now may be used to check a signature made at another time.
 *
 * @param attestedBy the trusted gate whose attestation was accepted
 */
public record VerifiedKey(Jid jid, RSAPublicKey key, Fingerprint fingerprint, Instant begin, Instant end, Jid attestedBy) {

    static VerifiedKey of(PubKey pubKey, Jid attestedBy) {
        return new VerifiedKey(pubKey.jid(), pubKey.key(), pubKey.fingerprint(), pubKey.begin(), pubKey.end(), attestedBy);
    }

    /** Whether {@code at} lies in [begin, end). */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(begin) && at.isBefore(end);
    }
}
