package org.openspime.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openspime.certification.Jid;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.spime.Spime;

/**
 * Sends reports of {@code batch} readings through the SDK ({@link Spime#report}: sealed, signed, written to the
 * outbox, sent) from a pool of sender threads, and logs each answer with the latency from a given start time.
 * The two scenarios differ only in when they send: {@link #saturate} keeps a number of reports outstanding; a paced load calls {@link #send} on a schedule.
 */
final class ReportLoad implements AutoCloseable {
    private final SpimeFleet fleet;
    private final Jid snid = Jid.of(ScopeNodeProcess.SNID);
    private final int batch;
    private final AckLog log;
    private final ExecutorService senders;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong turn = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean stopped;

    ReportLoad(SpimeFleet fleet, int batch, int senderThreads, AckLog log) {
        this.fleet = fleet;
        this.batch = batch;
        this.log = log;
        this.senders = Executors.newFixedThreadPool(senderThreads, r -> {
            Thread t = new Thread(r, "report-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Keeps {@code min(maxInFlight, spimes x window)} reports outstanding: each answer sends the next report, from
     * the spimes in turn. Without a cap every spime keeps {@code window} reports outstanding, which with 1,000
     * spimes puts about 15 MB of reports of 40 readings in flight to the one ScopeNode, more than the gate queues for a
     * connection before it cuts it off as a slow reader (4 MiB, {@code GateSession.MAX_OUTBOX_BYTES}).
     */
    void saturate(int window, int maxInFlight) {
        long chains = Math.min((long) maxInFlight, (long) fleet.size() * window);
        for (long c = 0; c < chains; c++) {
            keepSending();
        }
    }

    private void keepSending() {
        send((int) (turn.getAndIncrement() % fleet.size()), -1, this::keepSending);
    }

    /**
     * Queues one report of spime {@code spime}; its latency runs from {@code start} ({@code System.nanoTime}; -1:
     * from when a sender thread hands it to the SDK). {@code then} runs after its answer.
     */
    void send(int spime, long start, Runnable then) {
        if (stopped) {
            return;
        }
        outstanding.incrementAndGet();
        senders.execute(() -> {
            long t0 = start < 0 ? System.nanoTime() : start;
            List<CompletableFuture<ReportAck>> answers;
            try {
                Spime s = fleet.get(spime);
                answers = s.report(snid, BenchScope.NAME,
                        BenchScope.readings(ThreadLocalRandom.current(), BenchScope.location(spime), batch));
            } catch (RuntimeException e) {
                log.answered(t0, null, e);
                outstanding.decrementAndGet();
                return;
            }
            AtomicInteger left = new AtomicInteger(answers.size());
            for (CompletableFuture<ReportAck> answer : answers) {
                answer.whenComplete((ack, failure) -> {
                    log.answered(t0, ack, failure);
                    if (left.decrementAndGet() == 0) {
                        outstanding.decrementAndGet();
                        then.run();
                    }
                });
            }
        });
    }

    /** No new reports from now on. */
    void stop() {
        stopped = true;
    }

    int outstanding() {
        return outstanding.get();
    }

    /** Waits (at most {@code seconds}) until every report sent has been answered. */
    boolean drain(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return outstanding.get() == 0;
    }

    @Override
    public void close() {
        stopped = true;
        senders.shutdownNow();
    }
}
