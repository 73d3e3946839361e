package org.openspime.client.report;

/** More readings, values or bytes than the receiver's limits allow in one report. */
public final class OversizedReportException extends ReportRefusedException {

    public OversizedReportException(String message) {
        this(message, null);
    }

    public OversizedReportException(String message, Throwable cause) {
        super(ReportCondition.OVERSIZED_BATCH, message, cause);
    }
}
