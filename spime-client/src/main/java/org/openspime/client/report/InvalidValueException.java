package org.openspime.client.report;

/** An attribute or text has the wrong form: JID, timestamp, fingerprint, number, id, nonce length, wrong root element. */
public final class InvalidValueException extends MalformedReportException {

    public InvalidValueException(String message) {
        this(message, null);
    }

    public InvalidValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
