package org.openspime.certification;

/** The key's attested validity period begins after the instant it was checked at. */
public final class KeyNotYetValidException extends CertificationException {

    public KeyNotYetValidException(String message) {
        super(StanzaError.NOT_ACCEPTABLE, message);
    }

    public KeyNotYetValidException(String message, Throwable cause) {
        super(StanzaError.NOT_ACCEPTABLE, message, cause);
    }
}
