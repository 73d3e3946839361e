package org.openspime.certification.element;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;

/**
 * A public key as an entity publishes it: whose it is, the key, and the period it should be trusted for.
 *
 * <p>The fingerprint is derived, never taken on trust from the wire: the codec compares the one it reads
 * against this value. Validity is not judged here (an inverted or expired period is a policy refusal
 * for the service, not a malformed element).
 */
public final class PubKey {

    private final Jid jid;
    private final RSAPublicKey key;
    private final Fingerprint fingerprint;
    private final Instant begin;
    private final Instant end;

    public PubKey(Jid jid, RSAPublicKey key, Instant begin, Instant end) {
        this.jid = Objects.requireNonNull(jid, "jid");
        this.key = Objects.requireNonNull(key, "key");
        this.begin = Timestamps.canonical(Objects.requireNonNull(begin, "begin"));
        this.end = Timestamps.canonical(Objects.requireNonNull(end, "end"));
        this.fingerprint = Fingerprint.of(key);
    }

    public Jid jid() {
        return jid;
    }

    public RSAPublicKey key() {
        return key;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** First instant (inclusive) at which the key may be trusted. */
    public Instant begin() {
        return begin;
    }

    /** First instant at which the key may no longer be trusted (exclusive end). */
    public Instant end() {
        return end;
    }

    /** Whether {@code at} lies in [begin, end). */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(begin) && at.isBefore(end);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PubKey)) {
            return false;
        }
        PubKey other = (PubKey) o;
        return jid.equals(other.jid) && fingerprint.equals(other.fingerprint) && begin.equals(other.begin) && end.equals(other.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jid, fingerprint, begin, end);
    }

    @Override
    public String toString() {
        return "PubKey[" + jid + " " + fingerprint + " " + Timestamps.format(begin) + ".." + Timestamps.format(end) + "]";
    }
}
