package org.openspime.certification;

/** The key is already bound to another JID; one key pair certifies one entity, or a signature could not say who made it. */
public final class KeyConflictException extends CertificationException {

    public KeyConflictException(String message) {
        super(StanzaError.CONFLICT, message);
    }

    public KeyConflictException(String message, Throwable cause) {
        super(StanzaError.CONFLICT, message, cause);
    }
}
