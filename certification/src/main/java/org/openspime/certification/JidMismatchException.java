package org.openspime.certification;

/** Someone tried to publish or revoke a key for a JID other than the one their stream authenticated. */
public final class JidMismatchException extends CertificationException {

    public JidMismatchException(String message) {
        super(StanzaError.FORBIDDEN, message);
    }

    public JidMismatchException(String message, Throwable cause) {
        super(StanzaError.FORBIDDEN, message, cause);
    }
}
