package org.openspime.client.report;

/** The signature does not verify over the signed bytes with the sender's key: forged, or something signed was altered. */
public final class BadSignatureException extends ReportRefusedException {

    public BadSignatureException(String message) {
        this(message, null);
    }

    public BadSignatureException(String message, Throwable cause) {
        super(ReportCondition.BAD_SIGNATURE, message, cause);
    }
}
