package org.openspime.certification.element;

import java.util.Objects;
import org.openspime.certification.keys.Fingerprint;

/**
 * An entity asking its gate to revoke one of its own keys. It carries no JID: the key's owner is the
 * authenticated sender, and the gate checks the key is theirs.
 */
public record RevocationRequest(Fingerprint fingerprint, RevocationReason reason) {

    public RevocationRequest {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(reason, "reason");
    }
}
