package org.openspime.certification;

/** An element could not be read: missing or bad attribute, bad timestamp, wrong namespace, broken XML. The message names what is wrong. */
public class MalformedElementException extends CertificationException {

    public MalformedElementException(String message) {
        super(StanzaError.BAD_REQUEST, message);
    }

    public MalformedElementException(String message, Throwable cause) {
        super(StanzaError.BAD_REQUEST, message, cause);
    }
}
