package org.openspime.certification;

/** A published validity period the service will not attest: already over, starting in the past, inverted, or longer than the maximum key life. */
public final class ValidityRefusedException extends CertificationException {

    public ValidityRefusedException(String message) {
        super(StanzaError.NOT_ACCEPTABLE, message);
    }

    public ValidityRefusedException(String message, Throwable cause) {
        super(StanzaError.NOT_ACCEPTABLE, message, cause);
    }
}
