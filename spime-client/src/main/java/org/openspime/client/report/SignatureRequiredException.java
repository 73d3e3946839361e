package org.openspime.client.report;

/** The receiver requires a signature and the report has none. */
public final class SignatureRequiredException extends ReportRefusedException {

    public SignatureRequiredException(String message) {
        this(message, null);
    }

    public SignatureRequiredException(String message, Throwable cause) {
        super(ReportCondition.SIGNATURE_REQUIRED, message, cause);
    }
}
