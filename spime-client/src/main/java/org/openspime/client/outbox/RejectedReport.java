package org.openspime.client.outbox;

import java.util.Objects;

/** A report the ScopeNode refused for good, kept in {@code rejected/} with the reason, for someone to look at. */
public record RejectedReport(PendingReport report, String reason) {

    public RejectedReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(reason, "reason");
    }
}
