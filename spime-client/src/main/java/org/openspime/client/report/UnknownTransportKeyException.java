package org.openspime.client.report;

/** The transport key cannot be had: unknown key-id, wrapped to a key the receiver does not hold, or not unwrappable. */
public final class UnknownTransportKeyException extends ReportRefusedException {

    public UnknownTransportKeyException(String message) {
        this(message, null);
    }

    public UnknownTransportKeyException(String message, Throwable cause) {
        super(ReportCondition.NO_KEY_AVAILABLE, message, cause);
    }
}
