package org.openspime.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Offers a fixed total rate of readings, one report of {@code batch} readings every {@code batch / rate} seconds,
 * to the spimes in turn (report k goes to spime k mod N). Each report's latency is counted from its scheduled
 * time, not from when it was actually handed over, so a sender that falls behind shows as latency rather than
 * as a lower offered rate (no coordinated omission).
 */
final class PacedSchedule {
    private final ReportLoad load;
    private final int spimes;
    private final double reportsPerSecond;

    PacedSchedule(ReportLoad load, int spimes, int readingsPerSecond, int batch) {
        this.load = load;
        this.spimes = spimes;
        this.reportsPerSecond = (double) readingsPerSecond / batch;
    }

    /** Runs the schedule from {@code start} until {@code end} ({@code System.nanoTime}); returns reports offered. */
    long run(long start, long end) {
        long k = 0;
        while (true) {
            long due = start + (long) (k * 1e9 / reportsPerSecond);
            if (due >= end) {
                return k;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            load.send((int) (k % spimes), due, () -> { });
            k++;
        }
    }
}
