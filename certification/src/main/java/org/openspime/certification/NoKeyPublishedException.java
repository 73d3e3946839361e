package org.openspime.certification;

/** There is no usable published key for the JID (or fingerprint) asked about. */
public final class NoKeyPublishedException extends CertificationException {

    public NoKeyPublishedException(String message) {
        super(StanzaError.ITEM_NOT_FOUND, message);
    }

    public NoKeyPublishedException(String message, Throwable cause) {
        super(StanzaError.ITEM_NOT_FOUND, message, cause);
    }
}
