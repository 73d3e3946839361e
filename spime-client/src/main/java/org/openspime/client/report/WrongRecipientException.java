package org.openspime.client.report;

/** The report is addressed to another ScopeNode than the one opening it. */
public final class WrongRecipientException extends ReportRefusedException {

    public WrongRecipientException(String message) {
        this(message, null);
    }

    public WrongRecipientException(String message, Throwable cause) {
        super(ReportCondition.WRONG_RECIPIENT, message, cause);
    }
}
