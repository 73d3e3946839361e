package org.openspime.certification;

/** The JID already holds as many unexpired keys as the service allows (rotation needs two; a flood of keys only costs the gate). */
public final class TooManyKeysException extends CertificationException {

    public TooManyKeysException(String message) {
        super(StanzaError.RESOURCE_CONSTRAINT, message);
    }

    public TooManyKeysException(String message, Throwable cause) {
        super(StanzaError.RESOURCE_CONSTRAINT, message, cause);
    }
}
