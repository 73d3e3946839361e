package org.openspime.certification;

/** The key was revoked: a verifier must not trust it, and a service must not accept it again (a replayed publication). */
public final class KeyRevokedException extends CertificationException {

    public KeyRevokedException(String message) {
        super(StanzaError.NOT_ACCEPTABLE, message);
    }

    public KeyRevokedException(String message, Throwable cause) {
        super(StanzaError.NOT_ACCEPTABLE, message, cause);
    }
}
