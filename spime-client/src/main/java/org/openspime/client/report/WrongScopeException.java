package org.openspime.client.report;

/** The report names another scope than the receiver's. */
public final class WrongScopeException extends ReportRefusedException {

    public WrongScopeException(String message) {
        this(message, null);
    }

    public WrongScopeException(String message, Throwable cause) {
        super(ReportCondition.WRONG_SCOPE, message, cause);
    }
}
