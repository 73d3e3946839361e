package org.openspime.client.report;

/** The bytes are not well-formed XML, or hold a DTD or an entity reference (refused outright). */
public final class NotWellFormedException extends MalformedReportException {

    public NotWellFormedException(String message) {
        this(message, null);
    }

    public NotWellFormedException(String message, Throwable cause) {
        super(message, cause);
    }
}
