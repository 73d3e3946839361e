package org.openspime.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openspime.client.report.element.ReportAck;

/**
 * What came back for the reports sent: acknowledgments (readings acknowledged, duplicates), failures, and the ack
 * latencies of the reports whose clock started while recording was on.
 */
final class AckLog {
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong ackedReadings = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong duplicateReadings = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<String> firstFailures = new ArrayList<>();
    private long[] latencies = new long[1 << 16];
    private int latencyCount;
    private volatile long recordFrom = Long.MAX_VALUE;
    private volatile long recordUntil = Long.MAX_VALUE;

    /** Latencies are kept for reports whose clock starts in [from, until) ({@code System.nanoTime}). */
    void recordBetween(long from, long until) {
        recordFrom = from;
        recordUntil = until;
    }

    void answered(long startNanos, ReportAck ack, Throwable failure) {
        long latency = System.nanoTime() - startNanos;
        if (ack == null) {
            failures.incrementAndGet();
            synchronized (firstFailures) {
                if (firstFailures.size() < 5) {
                    firstFailures.add(String.valueOf(failure));
                }
            }
            return;
        }
        acks.incrementAndGet();
        if (ack.duplicate()) {
            // an earlier attempt was stored but its answer did not arrive in time (lost with a connection, or
            // after the reply timeout): the readings are in the database once, acknowledged now
            duplicates.incrementAndGet();
            duplicateReadings.addAndGet(ack.readings());
        } else {
            ackedReadings.addAndGet(ack.readings());
        }
        if (startNanos >= recordFrom && startNanos < recordUntil) {
            synchronized (this) {
                if (latencyCount == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencyCount * 2);
                }
                latencies[latencyCount++] = latency;
            }
        }
    }

    long acks() {
        return acks.get();
    }

    /** Readings acknowledged as newly stored (duplicates left out: they were stored by an earlier attempt). */
    long ackedReadings() {
        return ackedReadings.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Readings of reports acknowledged as duplicates (stored by an attempt whose answer was lost). */
    long duplicateReadings() {
        return duplicateReadings.get();
    }

    long failures() {
        return failures.get();
    }

    List<String> firstFailures() {
        synchronized (firstFailures) {
            return List.copyOf(firstFailures);
        }
    }

    /** Latency quantiles in milliseconds: p50, p90, p99, p99.9, max; and the count. */
    synchronized String latencySummary() {
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms p99.9=%.1f ms max=%.1f ms", n,
                Bench.quantile(sorted, n, 0.5) / 1e6, Bench.quantile(sorted, n, 0.9) / 1e6,
                Bench.quantile(sorted, n, 0.99) / 1e6, Bench.quantile(sorted, n, 0.999) / 1e6,
                n == 0 ? -1 : sorted[n - 1] / 1e6);
    }
}
