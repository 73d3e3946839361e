package org.openspime.scopenode.ingest;

import java.time.Duration;

/**
 * How {@link IngestQueue} groups reports.
 *
 * @param batchRows  a batch closes once it holds this many readings (a larger single report goes alone)
 * @param maxDelay   how long a batch may wait for more reports after its first one; zero takes only what is
 *                   already queued (the commit in progress is then what gathers the next batch)
 * @param capacity   how many reports may wait; beyond that, submitters wait and then are refused
 * @param maxBackoff the longest pause between retries of a batch while the database is unreachable
 */
public record IngestSettings(int batchRows, Duration maxDelay, int capacity, Duration maxBackoff) {
    public static final IngestSettings DEFAULTS = new IngestSettings(500, Duration.ofMillis(5), 20_000,
            Duration.ofSeconds(2));

    public IngestSettings {
        if (batchRows < 1 || capacity < 1) {
            throw new IllegalArgumentException("batchRows and capacity must be positive");
        }
        if (maxDelay.isNegative() || maxBackoff.isNegative() || maxBackoff.isZero()) {
            throw new IllegalArgumentException("maxDelay must be >= 0 and maxBackoff > 0");
        }
    }
}
