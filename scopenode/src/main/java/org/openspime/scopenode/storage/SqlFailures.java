package org.openspime.scopenode.storage;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells failures worth retrying (lost connection, server restarting, conflicts) from those about the data. */
final class SqlFailures {
    private SqlFailures() {
    }

    /** A unique violation, also when pgjdbc reports it as the next exception of a BatchUpdateException. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientException || c instanceof SQLRecoverableException) {
                return true; // includes Hikari's "connection is not available" timeout
            }
            if (c instanceof SQLException e && e.getSQLState() != null) {
                String s = e.getSQLState();
                if (s.startsWith("08") // connection exception
                        || s.startsWith("53") // insufficient resources
                        || s.startsWith("57P") // admin/crash shutdown, cannot connect now
                        || s.equals("40001") || s.equals("40P01") // serialization failure, deadlock
                        || s.equals("23505")) { // a concurrent writer stored the same report first
                    return true;
                }
            }
        }
        return false;
    }
}
