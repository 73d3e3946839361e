package org.openspime.client.report.element;

import java.util.List;
import java.util.Objects;
import org.openspime.certification.Jid;

/**
 * What a spime reports to the ScopeNode of a scope: its readings (a batch of one or more), under an id that makes
 * retries idempotent. The SpimeID is a full JID (a bridge reports for each relayed spime under that spime's own).
 */
public record Report(ReportId id, Jid spimeId, String scope, List<Reading> readings) {

    static final int MAX_SCOPE = 128;

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spimeId, "spimeId");
        if (spimeId.isBare()) {
            throw new IllegalArgumentException("a SpimeID is a full JID, not the bare " + spimeId);
        }
        if (scope == null || scope.isEmpty() || scope.length() > MAX_SCOPE || scope.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("scope name must be 1-" + MAX_SCOPE + " characters without controls");
        }
        readings = List.copyOf(readings);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("report " + id + " holds no reading");
        }
    }

    /** The number of values over all readings (what the ScopeNode stores as rows, typically). */
    public int valueCount() {
        return readings.stream().mapToInt(r -> r.values().size()).sum();
    }
}
