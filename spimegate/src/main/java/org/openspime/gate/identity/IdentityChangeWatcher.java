package org.openspime.gate.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries identity changes made by another process (the admin CLI, a second console) to this process's
 * {@link IdentityListener}s, by polling the change-log table.
 *
 * <p>Why the gap bookkeeping: ids come from a sequence, handed out when a row is inserted, but rows become
 * visible when their transaction commits, and two concurrent transactions may commit in the opposite order. A
 * reader that only asked for "ids above the highest seen" would then skip the slower one forever. So ids skipped
 * over are remembered for {@link #GAP_PATIENCE} and asked for again; a sequence value lost to a rollback simply
 * expires.
 *
 * <p>Only this class's single poller thread touches the bookkeeping; {@link #pollOnce()} is synchronized so a test
 * (or a caller who wants news now) can poll from another thread safely.
 */
public final class IdentityChangeWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IdentityChangeWatcher.class);
    static final Duration GAP_PATIENCE = Duration.ofSeconds(30);
    private static final int BATCH = 500;
    private static final int MAX_TRACKED_GAP = 10_000;

    private final IdentityRegistry registry;
    private final Duration interval;
    private final Clock clock;
    private final NavigableMap<Long, Instant> missing = new TreeMap<>();
    private long highest = -1;
    private ScheduledExecutorService poller;

    public IdentityChangeWatcher(IdentityRegistry registry, Duration interval) {
        this(registry, interval, Clock.systemUTC());
    }

    IdentityChangeWatcher(IdentityRegistry registry, Duration interval, Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + interval);
        }
        this.registry = registry;
        this.interval = interval;
        this.clock = clock;
    }

    /** Starts polling; changes logged before this call are history and not announced. */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        highest = registry.store().lastChangeId();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "identity-change-watcher");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("watching identity changes every {} ms from change #{}", interval.toMillis(), highest);
    }

    /** Stops polling and waits (briefly) for a poll in progress. */
    public void stop() {
        ScheduledExecutorService p;
        synchronized (this) {
            p = poller;
            poller = null;
        }
        if (p != null) {
            p.shutdownNow();
            try {
                p.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // The database may be briefly away (restart, failover); the next poll tries again.
            log.warn("polling identity changes failed: {}", e.getMessage());
        }
    }

    /** Reads new change-log rows and announces those made elsewhere; returns how many were announced. */
    public synchronized int pollOnce() {
        if (highest < 0) {
            highest = registry.store().lastChangeId();
            return 0;
        }
        expireGaps();
        int announced = 0;
        // Late commits first: rows whose ids were skipped over by an earlier poll.
        if (!missing.isEmpty()) {
            for (IdentityChange row : registry.store().changesAfter(missing.firstKey() - 1, BATCH)) {
                if (row.id() <= highest && missing.remove(row.id()) != null && announce(row)) {
                    announced++;
                }
            }
        }
        // Then everything new, in id order, noting the ids not (yet) visible.
        while (true) {
            List<IdentityChange> rows = registry.store().changesAfter(highest, BATCH);
            for (IdentityChange row : rows) {
                Instant now = clock.instant();
                for (long gap = Math.max(highest + 1, row.id() - MAX_TRACKED_GAP); gap < row.id(); gap++) {
                    missing.put(gap, now);
                }
                highest = row.id();
                if (announce(row)) {
                    announced++;
                }
            }
            if (rows.size() < BATCH) {
                return announced;
            }
        }
    }

    private boolean announce(IdentityChange change) {
        if (change.origin().equals(registry.origin())) {
            return false;
        }
        Jid jid;
        try {
            jid = Jid.parse(change.jid());
        } catch (IdentityException e) {
            log.warn("ignoring change #{} with unparseable JID {}", change.id(), change.jid());
            return false;
        }
        log.info("identity change from another process: {} {}", change.kind(), jid);
        registry.fire(change.kind(), jid.toEntity());
        return true;
    }

    private void expireGaps() {
        Instant limit = clock.instant().minus(GAP_PATIENCE);
        missing.values().removeIf(noticed -> noticed.isBefore(limit));
    }
}
