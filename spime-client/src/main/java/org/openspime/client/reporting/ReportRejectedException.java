package org.openspime.client.reporting;

import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.Jid;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.ReportId;

/**
 * A report the ScopeNode refused for good (any condition but {@code wait} and {@code no-key-available}); it was moved
 * from the outbox to {@code rejected/}. Carries the report id, the SNID, the condition and the ScopeNode's text.
 */
public final class ReportRejectedException extends Exception {

    private final ReportId id;
    private final Jid snid;
    private final ReportCondition condition;
    private final String text;

    public ReportRejectedException(ReportId id, Jid snid, ReportCondition condition, Optional<String> text) {
        super(snid + " refused report " + id + ": " + condition.element() + text.map(t -> " (" + t + ")").orElse(""));
        this.id = Objects.requireNonNull(id, "id");
        this.snid = Objects.requireNonNull(snid, "snid");
        this.condition = Objects.requireNonNull(condition, "condition");
        this.text = text.orElse(null);
    }

    public ReportId id() {
        return id;
    }

    public Jid snid() {
        return snid;
    }

    public ReportCondition condition() {
        return condition;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }
}
