package org.openspime.web.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openspime.web.identity.Actor;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityService;
import org.openspime.web.operator.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk imports run in the background, bounded twice: one running job per operator, and a small fixed pool of
 * workers with a short queue, so a burst of uploads cannot take the gate's CPU from routing. Finished jobs are
 * kept for {@code keep} (long enough to read the report and take the credentials), then forgotten and their
 * untaken credentials wiped. Nothing here touches the disk.
 */
public final class ImportJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final CsvIdentityImport importer;
    private final Clock clock;
    private final Duration keep;
    private final ThreadPoolExecutor workers;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

    public ImportJobs(IdentityService identities, int maxRows, int threads, int queued, Duration keep, Clock clock) {
        this.importer = new CsvIdentityImport(identities, maxRows);
        this.clock = clock;
        this.keep = keep;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queued), r -> {
                    Thread t = new Thread(r, "bulk-import-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Checks the file (row limit) and queues its rows.
     *
     * @throws IdentityRefused INVALID when the file has too many rows; nothing is issued then
     * @throws ImportBusy      when this operator has a job running, or the workers are all taken
     */
    public synchronized ImportJob start(Actor actor, String csv) {
        forgetExpired();
        List<CsvReader.Record> rows = importer.rows(csv);
        boolean running = jobs.values().stream()
                .anyMatch(j -> j.operator().equals(actor.operator()) && j.state() == ImportJob.State.RUNNING);
        if (running) {
            throw new ImportBusy("An import of yours is still running; wait for it to finish before starting another.");
        }
        ImportJob job = new ImportJob(Secrets.random(12), actor, rows, clock.instant());
        try {
            workers.execute(() -> {
                try {
                    job.run(importer, clock);
                } catch (RuntimeException e) {
                    log.error("bulk import {} of {} stopped after {} of {} rows", job.id(), job.operator(),
                            job.done(), job.total(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ImportBusy("The gate is running as many imports as it takes at once; try again in a minute.");
        }
        jobs.put(job.id(), job);
        log.info("bulk import {} started by {}: {} rows", job.id(), job.operator(), job.total());
        return job;
    }

    /** The job with that id if {@code operator} started it and it is not yet forgotten. */
    public Optional<ImportJob> find(String operator, String id) {
        forgetExpired();
        ImportJob job = id == null ? null : jobs.get(id);
        return job != null && job.operator().equals(operator) ? Optional.of(job) : Optional.empty();
    }

    private void forgetExpired() {
        Instant cutoff = clock.instant().minus(keep);
        jobs.values().removeIf(j -> {
            boolean expired = j.ended().map(e -> e.isBefore(cutoff)).orElse(false);
            if (expired) {
                j.wipe();
            }
            return expired;
        });
    }

    /** Stops the workers; rows in flight finish, queued jobs are dropped. */
    @Override
    public void close() {
        workers.shutdownNow();
        jobs.values().forEach(ImportJob::wipe);
    }
}
