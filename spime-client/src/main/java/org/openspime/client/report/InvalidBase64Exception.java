package org.openspime.client.report;

/** Binary content is not padded RFC 4648 base64 (truncated, wrong alphabet). */
public final class InvalidBase64Exception extends MalformedReportException {

    public InvalidBase64Exception(String message) {
        this(message, null);
    }

    public InvalidBase64Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
