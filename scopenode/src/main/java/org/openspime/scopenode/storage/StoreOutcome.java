package org.openspime.scopenode.storage;

/**
 * What became of a report handed to {@link ReadingStore#storeBatch}. STORED and DUPLICATE both mean "it is durably
 * kept": acknowledge it. REPLAY means nothing of it was stored: refuse it.
 */
public enum StoreOutcome {
    /** Stored by this call. */
    STORED,
    /** Already stored before with the same data (a retry of a report); not stored again. */
    DUPLICATE,
    /** The sender already has a report under this id with other data: a replay; nothing was stored. */
    REPLAY
}
