package org.openspime.scopenode.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.storage.Bucket;
import org.openspime.scopenode.storage.ReadingPage;
import org.openspime.scopenode.storage.ReadingQuery;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoreException;
import org.openspime.scopenode.storage.StoreOutcome;
import org.openspime.scopenode.storage.TimeRange;

/**
 * A real store whose next batches fail the worst way a connection can: the commit happens, then the answer is
 * lost (a transient failure), so the writer cannot know the batch is in.
 */
final class FlakyStore implements ReadingStore {
    private final ReadingStore real;
    final AtomicInteger lostAnswers = new AtomicInteger();
    /** Readings per batch attempt, in order. */
    final List<Integer> batchRows = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    FlakyStore(ReadingStore real) {
        this.real = real;
    }

    @Override
    public List<StoreOutcome> storeBatch(List<IncomingReport> reports) throws StoreException {
        batchRows.add(reports.stream().mapToInt(r -> r.readings().size()).sum());
        List<StoreOutcome> outcomes = real.storeBatch(reports);
        if (lostAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreException("connection lost after commit (simulated)",
                    new java.sql.SQLException("I/O error", "08006"), true);
        }
        return outcomes;
    }

    @Override
    public ReadingPage query(ReadingQuery query) throws StoreException {
        return real.query(query);
    }

    @Override
    public List<Bucket> aggregate(TimeRange range, Duration bucket, String field, String spimeId)
            throws StoreException {
        return real.aggregate(range, bucket, field, spimeId);
    }

    @Override
    public long deleteOlderThan(Instant cutoff) throws StoreException {
        return real.deleteOlderThan(cutoff);
    }
}
