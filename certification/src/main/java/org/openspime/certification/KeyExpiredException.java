package org.openspime.certification;

/** The key's attested validity period ended before the instant it was checked at. */
public final class KeyExpiredException extends CertificationException {

    public KeyExpiredException(String message) {
        super(StanzaError.NOT_ACCEPTABLE, message);
    }

    public KeyExpiredException(String message, Throwable cause) {
        super(StanzaError.NOT_ACCEPTABLE, message, cause);
    }
}
