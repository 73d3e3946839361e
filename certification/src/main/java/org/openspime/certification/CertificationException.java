package org.openspime.certification;

import java.util.Objects;

/**
 * Every refusal in this module: a key that cannot be published, an attestation that cannot be trusted,
 * an element that cannot be read.
 *
 * <p>It is checked on purpose: a gate that answers an IQ and a client that is about to trust a key must
 * both decide what to do with a refusal, and the compiler should remind them. Each subclass fixes the
 * {@link StanzaError} it maps to, so a transport can turn any of them into a stanza error in one place.
 */
public abstract class CertificationException extends Exception {

    private final StanzaError stanzaError;

    protected CertificationException(StanzaError stanzaError, String message) {
        this(stanzaError, message, null);
    }

    protected CertificationException(StanzaError stanzaError, String message, Throwable cause) {
        super(message, cause);
        this.stanzaError = Objects.requireNonNull(stanzaError, "stanzaError");
    }

    /** The stanza error a gate answers with when this refusal ends an IQ. */
    public StanzaError stanzaError() {
        return stanzaError;
    }
}
