package org.openspime.client.report.crypto;

import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.VerifiedKey;
import org.openspime.certification.keys.Fingerprint;

/** A ScopeNode to encrypt to: its SNID and its current certified key (from the KeyVerifier). */
public record Recipient(Jid snid, RSAPublicKey key, Fingerprint fingerprint) {

    public Recipient {
        Objects.requireNonNull(snid, "snid");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static Recipient of(Jid snid, RSAPublicKey key) {
        return new Recipient(snid, key, Fingerprint.of(key));
    }

    public static Recipient of(VerifiedKey key) {
        return new Recipient(key.jid(), key.key(), key.fingerprint());
    }
}
