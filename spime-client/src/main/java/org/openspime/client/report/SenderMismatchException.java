package org.openspime.client.report;

/** The envelope's originator is not the stanza's authenticated sender. */
public final class SenderMismatchException extends ReportRefusedException {

    public SenderMismatchException(String message) {
        this(message, null);
    }

    public SenderMismatchException(String message, Throwable cause) {
        super(ReportCondition.NOT_AUTHORIZED, message, cause);
    }
}
