package org.openspime.client.report;

/** An {@code enc}, {@code wrap} or signature {@code algo} that this implementation does not know. */
public final class UnsupportedAlgorithmException extends ReportRefusedException {

    public UnsupportedAlgorithmException(String message) {
        this(message, null);
    }

    public UnsupportedAlgorithmException(String message, Throwable cause) {
        super(ReportCondition.UNSUPPORTED_ALGORITHM, message, cause);
    }
}
