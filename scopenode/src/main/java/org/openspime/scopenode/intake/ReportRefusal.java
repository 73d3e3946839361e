package org.openspime.scopenode.intake;

import java.util.Objects;
import org.openspime.client.report.ReportCondition;

/**
 * A report the ScopeNode will not keep, with the protocol condition to answer and a text naming the report, the
 * SpimeID, the scope and the reason. Unchecked so that it can fail a {@link java.util.concurrent.CompletableFuture}.
 */
public final class ReportRefusal extends RuntimeException {

    private final ReportCondition condition;

    public ReportRefusal(ReportCondition condition, String message) {
        super(message, null, false, false);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public ReportCondition condition() {
        return condition;
    }
}
