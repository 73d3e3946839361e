package org.openspime.certification.element;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published key as the service keeps and returns it: the key, the attestations of it, and its
 * revocation if it was revoked. This is what a query answers with and what a verifier checks.
 */
public final class KeyRecord {

    private final PubKey pubKey;
    private final List<Attestation> attestations;
    private final Revocation revocation;

    public KeyRecord(PubKey pubKey, List<Attestation> attestations, Optional<Revocation> revocation) {
        this.pubKey = Objects.requireNonNull(pubKey, "pubKey");
        this.attestations = List.copyOf(attestations);
        this.revocation = revocation.orElse(null);
        if (this.revocation != null && !this.revocation.fingerprint().equals(pubKey.fingerprint())) {
            throw new IllegalArgumentException("revocation of " + this.revocation.fingerprint() + " attached to key " + pubKey.fingerprint());
        }
    }

    public PubKey pubKey() {
        return pubKey;
    }

    public List<Attestation> attestations() {
        return attestations;
    }

    public Optional<Revocation> revocation() {
        return Optional.ofNullable(revocation);
    }

    public boolean isRevoked() {
        return revocation != null;
    }

    /** The same record with the revocation attached. */
    public KeyRecord revokedBy(Revocation newRevocation) {
        return new KeyRecord(pubKey, attestations, Optional.of(newRevocation));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyRecord)) {
            return false;
        }
        KeyRecord other = (KeyRecord) o;
        return pubKey.equals(other.pubKey) && attestations.equals(other.attestations) && Objects.equals(revocation, other.revocation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pubKey, attestations, revocation);
    }

    @Override
    public String toString() {
        return "KeyRecord[" + pubKey + ", " + attestations.size() + " attestation(s)" + (revocation == null ? "" : ", " + revocation) + "]";
    }
}
