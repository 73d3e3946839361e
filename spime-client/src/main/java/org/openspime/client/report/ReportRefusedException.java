package org.openspime.client.report;

import java.util.Objects;

/**
 * Every reason a report cannot be read, opened or accepted. Checked on purpose: the ScopeNode must answer each
 * one with its {@link ReportCondition}, and a subclass fixes that condition, so the answer is written in one
 * place from {@link #condition()} and {@link #getMessage()}.
 */
public abstract class ReportRefusedException extends Exception {

    private final ReportCondition condition;

    protected ReportRefusedException(ReportCondition condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public ReportCondition condition() {
        return condition;
    }
}
