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
    /**
     * 500 rows, no added delay, 20,000 reports, 2 s. No delay because batching then adapts by itself: while one
     * commit runs the next batch gathers, so batches grow with the load (500 rows when saturated) while a lightly
     * loaded node acknowledges in about a millisecond. Measured on PostgreSQL, 20,000 reports/s offered: ack p99
     * 4 ms without delay, 86 ms with a 5 ms delay (IngestBenchmark, docs/scopenode.md).
     */
    public static final IngestSettings DEFAULTS = new IngestSettings(500, Duration.ZERO, 20_000,
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
