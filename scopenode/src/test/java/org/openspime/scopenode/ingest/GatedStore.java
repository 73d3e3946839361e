package org.openspime.scopenode.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.storage.Bucket;
import org.openspime.scopenode.storage.ReadingPage;
import org.openspime.scopenode.storage.ReadingQuery;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoreException;
import org.openspime.scopenode.storage.StoreOutcome;
import org.openspime.scopenode.storage.TimeRange;

/** A real store that holds every batch until {@link #open} is counted down: a database that has gone slow. */
final class GatedStore implements ReadingStore {
    private final ReadingStore real;
    final CountDownLatch open = new CountDownLatch(1);
    final CountDownLatch writerInside = new CountDownLatch(1);

    GatedStore(ReadingStore real) {
        this.real = real;
    }

    @Override
    public List<StoreOutcome> storeBatch(List<IncomingReport> reports) throws StoreException {
        writerInside.countDown();
        try {
            open.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted", e, false);
        }
        return real.storeBatch(reports);
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
