package org.openspime.scopenode.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoreException;
import org.openspime.scopenode.storage.StoreOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: many submitters, one writer thread, one transaction per batch.
 *
 * <p>{@link #submit} puts a report in a bounded queue and returns a future. The writer takes what is queued (up to
 * {@link IngestSettings#batchRows()} readings, waiting at most {@link IngestSettings#maxDelay()} for more), stores
 * it with {@link ReadingStore#storeBatch} in one transaction, and only after the commit completes each future
 * with {@link StoreOutcome#STORED} or {@link StoreOutcome#DUPLICATE}. The handler sends the XMPP acknowledgment
 * from the future, so an acknowledged report is always a committed one.
 *
 * <p>Failures. When the database is unreachable (connection lost, server restarting) the same batch is retried
 * with growing pauses until it commits; meanwhile the queue fills and submitters feel backpressure. A commit whose
 * answer was lost may in fact have happened: the retry then finds the reports stored and completes them as
 * DUPLICATE, which is acknowledged the same way, so nothing is stored twice and nothing acknowledged is lost.
 * When the database refuses the data itself, the batch is split in halves and retried until the offending report
 * is alone; only its future fails. Every future is completed exactly once: a report belongs to exactly one batch
 * at a time, and only the writer thread completes futures (or {@link #close} for those never written).
 *
 * <p>One writer is enough: a batch of 500 rows is one round trip of a rewritten multi-row INSERT and one commit
 * (one WAL flush), so the database, not the writer, is the bottleneck; a second writer would mostly contend.
 */
public final class IngestQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

    private final ReadingStore store;
    private final IngestSettings settings;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    /** Submitters hold the read lock while offering; close takes the write lock, so no offer lands after it. */
    private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
    private volatile boolean closed;
    /** Taken from the queue but left out of a full batch; the writer thread's alone. */
    private Pending carry;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    /** {@code queuedAt}: {@link System#nanoTime} when it entered the queue. */
    private record Pending(IncomingReport report, CompletableFuture<StoreOutcome> future, long queuedAt) {
    }

    public IngestQueue(ReadingStore store, IngestSettings settings) {
        this.store = store;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.writer = new Thread(this::run, "scopenode-ingest");
        this.writer.setDaemon(false);
        this.writer.start();
    }

    /**
     * Queues a report. The future completes after the transaction holding it commits; it fails with
     * {@link IngestRefusedException} when the queue stays full for {@code maxWait} or the queue is closed, and
     * with the database's error when the report itself is refused.
     */
    public CompletableFuture<StoreOutcome> submit(IncomingReport report, Duration maxWait) {
        return submit(report, maxWait, null);
    }

    /**
     * Like {@link #submit(IncomingReport, Duration)}, but refuses the report at once when the oldest report still
     * queued has waited longer than {@code maxBacklog} (null: no such limit).
     *
     * <p>Why: the queue holds up to {@link IngestSettings#capacity()} reports, far more than the writer commits
     * within the time a submitter waits for its commit. Once the queue is that far behind, every report taken
     * times out before its commit: it is still stored, but answered as not stored, and its sender's retry queues
     * a second copy behind the same backlog, which times out in turn. Acknowledgments then stop while the
     * database stays busy storing (a 1,000-spime benchmark stalled that way after a slow start). Refusing at the
     * door while the backlog is old keeps what is taken answerable in time; refused senders back off.
     */
    public CompletableFuture<StoreOutcome> submit(IncomingReport report, Duration maxWait, Duration maxBacklog) {
        CompletableFuture<StoreOutcome> future = new CompletableFuture<>();
        closing.readLock().lock();
        try {
            long now = System.nanoTime();
            Pending oldest = maxBacklog == null ? null : queue.peek();
            if (closed) {
                future.completeExceptionally(new IngestRefusedException("ScopeNode is shutting down"));
            } else if (oldest != null && now - oldest.queuedAt() > maxBacklog.toNanos()) {
                future.completeExceptionally(new IngestRefusedException("ingest queue " + queue.size()
                        + " reports and " + TimeUnit.NANOSECONDS.toMillis(now - oldest.queuedAt())
                        + " ms behind; report " + report.reportId() + " from " + report.spimeId()
                        + " not taken, retry later"));
            } else if (!queue.offer(new Pending(report, future, now), maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                future.completeExceptionally(new IngestRefusedException("ingest queue full (" + settings.capacity()
                        + " reports waiting); report " + report.reportId() + " from " + report.spimeId()
                        + " not taken, retry later"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.completeExceptionally(new IngestRefusedException("interrupted while waiting for queue space"));
        } finally {
            closing.readLock().unlock();
        }
        return future;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (!(closed && queue.isEmpty() && carry == null)) {
                Pending first = carry != null ? carry : queue.poll(50, TimeUnit.MILLISECONDS);
                carry = null;
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch, first.report().readings().size());
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            failAll(batch, "ScopeNode stopped before the batch was stored");
        } catch (RuntimeException | Error e) {
            log.error("ingest writer died; the queue takes no more reports", e);
            failAll(batch, "ingest writer failed: " + e);
        }
        markClosed();
        List<Pending> left = new ArrayList<>();
        if (carry != null) {
            left.add(carry);
        }
        queue.drainTo(left);
        failAll(left, "ScopeNode stopped before the report was stored");
    }

    /**
     * Adds queued reports up to the row budget, waiting at most maxDelay after the first. A report that would
     * overflow the budget is carried over to start the next batch.
     */
    private void fill(List<Pending> batch, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + settings.maxDelay().toNanos();
        while (rows < settings.batchRows()) {
            Pending next = queue.poll();
            if (next == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || (next = queue.poll(wait, TimeUnit.NANOSECONDS)) == null) {
                    return;
                }
            }
            if (rows + next.report().readings().size() > settings.batchRows()) {
                carry = next;
                return;
            }
            batch.add(next);
            rows += next.report().readings().size();
        }
    }

    /** Stores a batch, retrying while the failure is transient and isolating reports the database refuses. */
    private void write(List<Pending> batch) throws InterruptedException {
        List<IncomingReport> reportsOf = batch.stream().map(Pending::report).toList();
        long pause = 20;
        while (true) {
            try {
                List<StoreOutcome> outcomes = store.storeBatch(reportsOf);
                batches.incrementAndGet();
                reports.addAndGet(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).future().complete(outcomes.get(i));
                }
                return;
            } catch (StoreException e) {
                if (!e.transientFailure()) {
                    refuse(batch, e);
                    return;
                }
                retries.incrementAndGet();
                log.warn("batch of {} reports not stored, retrying in {} ms: {}", batch.size(), pause,
                        e.getMessage());
                Thread.sleep(pause);
                pause = Math.min(pause * 2, settings.maxBackoff().toMillis());
            } catch (RuntimeException e) {
                refuse(batch, e);
                return;
            }
        }
    }

    private void refuse(List<Pending> batch, Exception e) throws InterruptedException {
        if (batch.size() == 1) {
            IncomingReport r = batch.get(0).report();
            log.warn("report refused by the store: spime={} report={} reason={}", r.spimeId(), r.reportId(),
                    e.getMessage());
            batch.get(0).future().completeExceptionally(e);
            return;
        }
        int half = batch.size() / 2;
        write(new ArrayList<>(batch.subList(0, half)));
        write(new ArrayList<>(batch.subList(half, batch.size())));
    }

    private static void failAll(List<Pending> pending, String why) {
        for (Pending p : pending) {
            p.future().completeExceptionally(new IngestRefusedException(why));
        }
    }

    /** Batches committed so far. */
    public long batchesCommitted() {
        return batches.get();
    }

    /** Reports committed so far (stored or found duplicate). */
    public long reportsCommitted() {
        return reports.get();
    }

    /** Batch attempts that failed transiently and were retried. */
    public long retries() {
        return retries.get();
    }

    /** Stops taking reports, writes what is queued, waits for the writer up to {@code timeout}, then stops it. */
    public void close(Duration timeout) {
        markClosed();
        try {
            writer.join(timeout.toMillis());
            if (writer.isAlive()) {
                log.warn("ingest writer still busy after {}, interrupting; unstored reports fail", timeout);
                writer.interrupt();
                writer.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void markClosed() {
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
