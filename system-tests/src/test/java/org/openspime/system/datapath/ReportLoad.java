package org.openspime.system.datapath;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openspime.certification.Jid;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.Value;
import org.openspime.client.spime.Spime;
import org.openspime.system.scopenode.TestScope;

/**
 * SDK spimes reporting continuously, each on its own thread: every {@code period} one {@link Spime#report} of two
 * readings (one report), whatever state the gate, the ScopeNode or the database is in. It remembers what each spime
 * generated and the future it got, so that a test can compare, after recovery, the acknowledged report ids and
 * readings with the rows in the database.
 */
final class ReportLoad implements AutoCloseable {

    static final int READINGS_PER_REPORT = 2;

    /** One call of {@link Spime#report}: who, which co2 values in reading order, and the outcome. */
    record Sent(Jid spime, List<Integer> co2, CompletableFuture<ReportAck> outcome) {
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private ReportLoad(List<Spime> spimes, Jid snid, Duration period) {
        threads = Executors.newFixedThreadPool(spimes.size());
        for (Spime spime : spimes) {
            threads.execute(() -> {
                try {
                    run(spime, snid, period);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            });
        }
    }

    static ReportLoad start(List<Spime> spimes, Jid snid, Duration period) {
        return new ReportLoad(spimes, snid, period);
    }

    private void run(Spime spime, Jid snid, Duration period) {
        int n = 0;
        while (running) {
            List<Integer> co2 = new ArrayList<>();
            List<Reading> readings = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < READINGS_PER_REPORT; i++, n++) {
                int ppm = 400 + n % 9000;
                co2.add(ppm);
                readings.add(Reading.at(now.plusMillis(i), Value.integer("co2", ppm, "ppm"),
                        Value.decimal("temperature", "21.5", "Cel")));
            }
            List<CompletableFuture<ReportAck>> outcomes = spime.report(snid, TestScope.NAME, readings);
            if (outcomes.size() != 1) {
                throw new IllegalStateException("two readings were batched into " + outcomes.size() + " reports");
            }
            sent.add(new Sent(spime.osid(), co2, outcomes.get(0)));
            try {
                Thread.sleep(period.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int sent() {
        return sent.size();
    }

    /** Reports acknowledged so far. */
    long acked() {
        synchronized (sent) {
            return sent.stream().filter(s -> s.outcome().isDone() && !s.outcome().isCompletedExceptionally()).count();
        }
    }

    /** Blocks until {@link #acked()} reaches {@code n}; fails after {@code within}. */
    void awaitAcked(long n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (acked() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acked() + " of " + n + " reports acknowledged within " + within);
            }
            Thread.sleep(20);
        }
    }

    /** Stops generating (what was generated keeps going out). */
    void stop() throws InterruptedException {
        running = false;
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new AssertionError("reporting threads did not stop");
        }
    }

    /**
     * Stops, then waits for every future: each must complete with an ack for its readings. Answers the rows the
     * database must hold, {@code spime|report id|reading index|co2}, one per generated reading.
     */
    List<String> awaitEveryAck(Duration within) throws Exception {
        stop();
        if (failure != null) {
            throw new AssertionError("a reporting thread failed", failure);
        }
        long deadline = System.nanoTime() + within.toNanos();
        List<String> rows = new ArrayList<>();
        for (Sent s : sent) {
            ReportAck ack;
            try {
                ack = s.outcome().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(s.spime() + ": a report of " + s.co2() + " not acknowledged within " + within);
            }
            if (ack.readings() != s.co2().size()) {
                throw new AssertionError(s.spime() + ": ack " + ack.id() + " counts " + ack.readings() + " readings, sent "
                        + s.co2().size());
            }
            for (int i = 0; i < s.co2().size(); i++) {
                rows.add(StoredReadings.row(s.spime().toString(), ack.id().value(), i, s.co2().get(i)));
            }
        }
        return rows;
    }

    @Override
    public void close() {
        running = false;
        threads.shutdownNow();
    }
}
