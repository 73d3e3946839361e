package org.openspime.client.report.element;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openspime.certification.keys.Fingerprint;

/**
 * Names the AES key of an encrypted transport: the sender's key-id for it, the fingerprint of the ScopeNode key it
 * is wrapped to, and — in the reports of a session until one of them is acknowledged — the key itself, wrapped
 * with RSA-OAEP to that ScopeNode key. Later reports carry only the reference; the ScopeNode finds the key in its
 * cache by (sender, key-id).
 */
public record TransportKey(String keyId, Fingerprint recipientKey, Optional<byte[]> wrapped) {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public TransportKey {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key-id must be 1-64 characters of [A-Za-z0-9_-], not '" + keyId + "'");
        }
        Objects.requireNonNull(recipientKey, "recipientKey");
        Objects.requireNonNull(wrapped, "wrapped");
    }

    /** This reference without the wrapped key. */
    public TransportKey referenceOnly() {
        return wrapped.isEmpty() ? this : new TransportKey(keyId, recipientKey, Optional.empty());
    }
}
