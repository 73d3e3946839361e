package org.openspime.certification;

/** The key material itself is unusable: bad or truncated base64, not a SubjectPublicKeyInfo, not RSA, or a fingerprint that does not match the key. */
public final class MalformedKeyException extends MalformedElementException {

    public MalformedKeyException(String message) {
        super(message);
    }

    public MalformedKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
