package org.openspime.client.report.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Objects;
import org.openspime.certification.keys.Fingerprint;

/** The spime's private key and the fingerprint of its certified public half, named in every signature. */
public record SigningKey(PrivateKey privateKey, Fingerprint fingerprint) {

    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static SigningKey of(KeyPair pair) {
        return new SigningKey(pair.getPrivate(), Fingerprint.of(pair.getPublic()));
    }
}
