package org.openspime.scopenode.storage;

import java.sql.SQLException;

/** The database refused or failed; {@link #transientFailure()} says whether trying again may succeed. */
public final class StoreException extends Exception {
    private final boolean transientFailure;

    public StoreException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public static StoreException of(String what, SQLException e) {
        return new StoreException(what + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e,
                SqlFailures.isTransient(e));
    }

    /** True when the failure is about the connection or a conflict, not about the data: retrying may work. */
    public boolean transientFailure() {
        return transientFailure;
    }
}
