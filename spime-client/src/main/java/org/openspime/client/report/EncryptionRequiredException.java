package org.openspime.client.report;

/** The receiver requires encryption and the report is plain. */
public final class EncryptionRequiredException extends ReportRefusedException {

    public EncryptionRequiredException(String message) {
        this(message, null);
    }

    public EncryptionRequiredException(String message, Throwable cause) {
        super(ReportCondition.ENCRYPTION_REQUIRED, message, cause);
    }
}
