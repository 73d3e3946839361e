package org.openspime.scopenode.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes readings older than the retention period; scheduled by the ScopeNode, failures are retried next run. */
final class RetentionTask implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RetentionTask.class);

    private final ReadingStore store;
    private final Duration keep;
    private final Clock clock;

    RetentionTask(ReadingStore store, Duration keep, Clock clock) {
        this.store = store;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant cutoff = clock.instant().minus(keep);
        try {
            long deleted = store.deleteOlderThan(cutoff);
            if (deleted > 0) {
                log.info("retention: deleted {} readings taken before {}", deleted, cutoff);
            }
        } catch (StoreException | RuntimeException e) {
            log.warn("retention: could not delete readings before {} (next run retries): {}", cutoff, e.toString());
        }
    }
}
