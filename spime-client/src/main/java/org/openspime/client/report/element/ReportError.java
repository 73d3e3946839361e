package org.openspime.client.report.element;

import java.util.Objects;
import java.util.Optional;
import org.openspime.client.report.ReportCondition;

/** A ScopeNode's refusal as the spime receives it: the condition and the human-readable reason, if any. */
public record ReportError(ReportCondition condition, Optional<String> text) {

    public ReportError {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
    }
}
