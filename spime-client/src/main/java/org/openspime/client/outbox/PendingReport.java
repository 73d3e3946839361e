package org.openspime.client.outbox;

import java.time.Instant;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportId;

/**
 * A sealed report waiting for its acknowledgment: the report (to reseal it after {@code no-key-available}), the
 * envelope exactly as sent (a retry carries the same bytes), the ScopeNode, and the retry state.
 *
 * @param created     when the spime first queued it: the outbox resends oldest first
 * @param attempts    how many times it has been sent
 * @param nextAttempt when the next try was planned (backoff); informational, since after a restart everything pending
 *                    is sent at the first login
 */
public record PendingReport(Report report, Jid snid, ReportEnvelope envelope, Instant created, int attempts, Instant nextAttempt) {

    public PendingReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(snid, "snid");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        if (!envelope.id().equals(report.id())) {
            throw new IllegalArgumentException("envelope " + envelope.id() + " does not carry report " + report.id());
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative");
        }
    }

    /** A report queued now, never sent. */
    public static PendingReport queued(Report report, Jid snid, ReportEnvelope envelope, Instant now) {
        return new PendingReport(report, snid, envelope, now, 0, now);
    }

    public ReportId id() {
        return report.id();
    }

    /** Sent once more; the next try not before {@code next}. */
    public PendingReport attempted(Instant next) {
        return new PendingReport(report, snid, envelope, created, attempts + 1, next);
    }

    /** The same report in a new envelope (after {@code no-key-available}). */
    public PendingReport resealed(ReportEnvelope fresh) {
        return new PendingReport(report, snid, fresh, created, attempts, nextAttempt);
    }
}
