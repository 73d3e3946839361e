package org.openspime.web.key;

import java.time.Instant;
import java.util.Optional;

/**
 * One public key published for an OSID, with the gate's attestation of it.
 *
 * @param fingerprint  SHA-256 of the encoded public key, hex, as clients pin it
 * @param attestedBy   the certification gate that signed the JID-key binding, empty when not attested
 * @param revoked      when and why it was revoked, empty unless {@code state} is REVOKED
 */
public record KeyView(
        String jid,
        String fingerprint,
        String algorithm,
        int bits,
        Instant published,
        Instant notBefore,
        Instant notAfter,
        Optional<String> attestedBy,
        KeyState state,
        Optional<Revocation> revoked) {

    /** A revocation as published by the certification service. */
    public record Revocation(Instant at, String reason) {
    }
}
