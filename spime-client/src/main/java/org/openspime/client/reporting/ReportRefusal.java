package org.openspime.client.reporting;

import java.util.Objects;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.ReportError;

/** The ScopeNode's refusal of one send, as its channel reports it: the application condition and its text. */
public final class ReportRefusal extends Exception {

    private final ReportError error;

    public ReportRefusal(ReportError error) {
        super(error.condition().element() + error.text().map(t -> ": " + t).orElse(""));
        this.error = Objects.requireNonNull(error, "error");
    }

    public ReportCondition condition() {
        return error.condition();
    }

    public ReportError error() {
        return error;
    }
}
