package org.openspime.scopenode.storage;

/** What became of a report handed to {@link ReadingStore#storeBatch}. Both mean "it is durably kept": ack it. */
public enum StoreOutcome {
    /** Stored by this call. */
    STORED,
    /** Already stored before (a retry of an acknowledged or unacknowledged report); not stored again. */
    DUPLICATE
}
