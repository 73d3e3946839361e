package org.openspime.client.report;

/** A required element or attribute is absent, or a child that may appear once appears twice. */
public final class MissingPartException extends MalformedReportException {

    public MissingPartException(String message) {
        this(message, null);
    }

    public MissingPartException(String message, Throwable cause) {
        super(message, cause);
    }
}
