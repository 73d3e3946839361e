package org.openspime.scopenode.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Deletes old readings oldest first, about {@value #CHUNK} rows per transaction, so that retention on a large
 * table neither holds one huge transaction (locks, WAL, a long rollback if interrupted) nor stalls ingestion.
 * Each step finds, on the time index, the time of the CHUNK-th oldest reading still before the cutoff and deletes
 * up to it; ties at that instant may make a step slightly larger.
 */
final class Retention {
    static final int CHUNK = 10_000;

    private final DataSource dataSource;

    Retention(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long deleteOlderThan(Instant cutoff) throws SQLException {
        OffsetDateTime before = ReadingReader.utc(cutoff);
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true); // each DELETE is its own transaction
            while (true) {
                OffsetDateTime bound = chunkBound(c, before);
                try (PreparedStatement ps = c.prepareStatement(bound == null
                        ? "DELETE FROM readings WHERE ts < ?" : "DELETE FROM readings WHERE ts <= ?")) {
                    ps.setObject(1, bound == null ? before : bound);
                    total += ps.executeUpdate();
                }
                if (bound == null) {
                    return total;
                }
            }
        }
    }

    /** The time of the CHUNK-th oldest reading before the cutoff, or null when fewer remain. */
    private static OffsetDateTime chunkBound(Connection c, OffsetDateTime before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ts FROM readings WHERE ts < ? ORDER BY ts LIMIT 1 OFFSET " + (CHUNK - 1))) {
            ps.setObject(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }
}
