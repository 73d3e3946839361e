package org.openspime.client.report.element;

import java.util.Objects;
import org.openspime.certification.keys.Fingerprint;

/**
 * The originator's signature: which of its certified keys made it, and the RSASSA-PKCS1-v1_5 SHA-256 value
 * (as long as the key's modulus) over the envelope's signed bytes.
 */
public record OriginatorSignature(Fingerprint key, byte[] value) {

    public OriginatorSignature {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
