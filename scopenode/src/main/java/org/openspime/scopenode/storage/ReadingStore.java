package org.openspime.scopenode.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openspime.scopenode.reading.IncomingReport;

/** The scope's readings. Implementations are thread-safe. */
public interface ReadingStore {

    /**
     * Stores reports all in one transaction: when this returns, every report is durably committed, either by this
     * call ({@link StoreOutcome#STORED}) or by an earlier one ({@link StoreOutcome#DUPLICATE}). When it throws,
     * nothing of the batch was stored by it. The readings must already fit the scope's format.
     *
     * @return one outcome per report, in the order given
     */
    List<StoreOutcome> storeBatch(List<IncomingReport> reports) throws StoreException;

    /** A page of readings in (time, arrival) order. */
    ReadingPage query(ReadingQuery query) throws StoreException;

    /**
     * Count, and for numeric fields min, max and mean, of one field per time bucket, in bucket order.
     *
     * @param bucket  the bucket length, a whole number of seconds, at least one
     * @param spimeId only this SpimeID's readings, or null for all
     */
    List<Bucket> aggregate(TimeRange range, Duration bucket, String field, String spimeId) throws StoreException;

    /** Deletes the readings taken before {@code cutoff}, in bounded transactions; returns how many. */
    long deleteOlderThan(Instant cutoff) throws StoreException;
}
