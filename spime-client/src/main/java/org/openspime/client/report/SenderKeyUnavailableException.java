package org.openspime.client.report;

/** No usable certified key of the sender with the fingerprint the originator names. */
public final class SenderKeyUnavailableException extends ReportRefusedException {

    public SenderKeyUnavailableException(String message) {
        this(message, null);
    }

    public SenderKeyUnavailableException(String message, Throwable cause) {
        super(ReportCondition.SENDER_KEY_UNAVAILABLE, message, cause);
    }
}
