package org.openspime.scopenode.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;

/**
 * SpimeID to its small integer key in the spimes table. A key is created in its own committed transaction before
 * the batch that needs it, and spimes rows are never deleted, so a key once seen stays valid and is cached for
 * good (one entry per SpimeID that ever reported).
 */
final class SpimeKeys {
    private final DataSource dataSource;
    private final ConcurrentMap<String, Integer> keys = new ConcurrentHashMap<>();

    SpimeKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The key of a SpimeID, registering it if it never reported. */
    int keyOf(String spimeId) throws SQLException {
        Integer k = keys.get(spimeId);
        if (k != null) {
            return k;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Integer found = select(c, spimeId);
            if (found == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO spimes (spime_id) VALUES (?)")) {
                    ps.setString(1, spimeId);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) { // else: registered concurrently, read it below
                        throw e;
                    }
                }
                found = select(c, spimeId);
            }
            keys.put(spimeId, found);
            return found;
        }
    }

    /** The key of a SpimeID that has reported, or null (without registering it). */
    Integer existingKey(String spimeId) throws SQLException {
        Integer k = keys.get(spimeId);
        if (k != null) {
            return k;
        }
        try (Connection c = dataSource.getConnection()) {
            Integer found = select(c, spimeId);
            if (found != null) {
                keys.put(spimeId, found);
            }
            return found;
        }
    }

    private static Integer select(Connection c, String spimeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT spime_key FROM spimes WHERE spime_id = ?")) {
            ps.setString(1, spimeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }
}
