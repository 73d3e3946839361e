package org.openspime.scopenode.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /**
     * The keys of SpimeIDs, registering those that never reported. The unknown ones of a batch are looked up with
     * one query and registered with one batched insert in one transaction, so a thousand spimes reporting for the
     * first time cost two round trips and one commit, not a thousand commits.
     */
    Map<String, Integer> keysOf(Collection<String> spimeIds) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String id : spimeIds) {
            Integer k = keys.get(id);
            if (k != null) {
                out.put(id, k);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; ; attempt++) {
                c.setAutoCommit(false);
                try {
                    Map<String, Integer> found = select(c, missing);
                    Set<String> unregistered = new HashSet<>(missing);
                    unregistered.removeAll(found.keySet());
                    if (!unregistered.isEmpty()) {
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO spimes (spime_id) VALUES (?)")) {
                            for (String id : unregistered) {
                                ps.setString(1, id);
                                ps.addBatch();
                            }
                            ps.executeBatch();
                        }
                        found = select(c, missing);
                    }
                    c.commit();
                    keys.putAll(found);
                    out.putAll(found);
                    return out;
                } catch (SQLException e) {
                    c.rollback();
                    // Another writer registered one of them first: read again and it is found.
                    if (!SqlFailures.isUniqueViolation(e) || attempt >= 3) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The key of a SpimeID that has reported, or null (without registering it). */
    Integer existingKey(String spimeId) throws SQLException {
        Integer k = keys.get(spimeId);
        if (k != null) {
            return k;
        }
        try (Connection c = dataSource.getConnection()) {
            Integer found = select(c, Set.of(spimeId)).get(spimeId);
            if (found != null) {
                keys.put(spimeId, found);
            }
            return found;
        }
    }

    private static Map<String, Integer> select(Connection c, Set<String> spimeIds) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.spime_id, s.spime_key"
                + " FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS k (spime_id) JOIN spimes s ON s.spime_id = k.spime_id")) {
            ps.setArray(1, c.createArrayOf("varchar", spimeIds.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return found;
    }
}
