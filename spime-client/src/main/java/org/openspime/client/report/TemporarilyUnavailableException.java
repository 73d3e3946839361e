package org.openspime.client.report;

/** The report cannot be judged or kept now (certification service unreachable, database down): retry it unchanged later. */
public final class TemporarilyUnavailableException extends ReportRefusedException {

    public TemporarilyUnavailableException(String message, Throwable cause) {
        super(ReportCondition.TEMPORARILY_UNAVAILABLE, message, cause);
    }
}
