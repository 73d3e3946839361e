package org.openspime.scopenode.authorization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scope's authorization list: who may report. Kept in the database so that the scope owner's CLI and the
 * running ScopeNode share it; looked up from an in-memory snapshot (a hash set of exact SpimeIDs, then the
 * patterns in turn), so a report costs no query.
 *
 * <p>The snapshot is replaced, never mutated: readers take the volatile reference and need no lock. Changes made
 * through this object replace it at once. Changes made by another process bump {@code authorization_revision} in
 * their transaction; this object reads that one row at most once per {@code recheck} interval (on the first
 * lookup after it elapses) and reloads the list when it moved. So a revocation from the CLI takes effect within
 * that interval. If the database cannot be reached for the check, the last snapshot stays in force.
 */
public final class SpimeAuthorization {
    private static final Logger log = LoggerFactory.getLogger(SpimeAuthorization.class);

    private final DataSource dataSource;
    private final long recheckNanos;
    private volatile Snapshot snapshot;

    private record Snapshot(long revision, Set<String> exact, List<SpimeIdPattern> patterns, long checkedAt) {
    }

    public SpimeAuthorization(DataSource dataSource, Duration recheck) {
        this.dataSource = dataSource;
        this.recheckNanos = recheck.toNanos();
        try {
            this.snapshot = load();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the authorization list: " + e.getMessage(), e);
        }
    }

    /** Whether this SpimeID (a full JID) may report to the scope. */
    public boolean isAuthorized(String spimeId) {
        Snapshot s = current();
        if (s.exact.contains(SpimeIdPattern.normalize(spimeId))) {
            return true;
        }
        for (SpimeIdPattern p : s.patterns) {
            if (p.matches(spimeId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds an exact SpimeID or a pattern.
     *
     * @param by who authorized it (the owner's name, for the record), may be null
     * @return false when it was already on the list
     */
    public boolean authorize(String pattern, String by) throws SQLException {
        SpimeIdPattern p = SpimeIdPattern.parse(pattern);
        boolean added = change(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO authorized_spimes (pattern, authorized_by) VALUES (?, ?)")) {
                ps.setString(1, p.text());
                ps.setString(2, by);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
        log.info("authorization {}: pattern={} by={}", added ? "added" : "already present", p, by);
        return added;
    }

    /** Removes an entry, written as it was authorized. Returns false when it was not on the list. */
    public boolean revoke(String pattern) throws SQLException {
        SpimeIdPattern p = SpimeIdPattern.parse(pattern);
        boolean removed = change(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM authorized_spimes WHERE pattern = ?")) {
                ps.setString(1, p.text());
                return ps.executeUpdate() > 0;
            }
        });
        log.info("authorization {}: pattern={}", removed ? "revoked" : "not present, nothing revoked", p);
        return removed;
    }

    /** The list, ordered by pattern. */
    public List<Authorization> list() throws SQLException {
        List<Authorization> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT pattern, authorized_at, authorized_by FROM authorized_spimes ORDER BY pattern")) {
            while (rs.next()) {
                out.add(new Authorization(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3)));
            }
        }
        return out;
    }

    private interface Change {
        boolean apply(Connection c) throws SQLException;
    }

    /** Applies a change and bumps the revision in one transaction, then reloads the snapshot. */
    private boolean change(Change change) throws SQLException {
        boolean changed;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                changed = change.apply(c);
                if (changed) {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("UPDATE authorization_revision SET revision = revision + 1 WHERE id = 1");
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        snapshot = load();
        return changed;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (System.nanoTime() - s.checkedAt < recheckNanos) {
            return s;
        }
        return recheck(s);
    }

    private synchronized Snapshot recheck(Snapshot seen) {
        Snapshot s = snapshot;
        if (s != seen) {
            return s; // another thread rechecked meanwhile
        }
        try {
            long revision = revision();
            s = revision == s.revision ? new Snapshot(s.revision, s.exact, s.patterns, System.nanoTime()) : load();
        } catch (SQLException e) {
            log.warn("authorization list not rechecked, keeping the last one: {}", e.toString());
            s = new Snapshot(s.revision, s.exact, s.patterns, System.nanoTime());
        }
        snapshot = s;
        return s;
    }

    private long revision() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT revision FROM authorization_revision WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads revision and list in one transaction, so the revision describes exactly the list read. */
    private Snapshot load() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                long revision;
                try (ResultSet rs = st.executeQuery("SELECT revision FROM authorization_revision WHERE id = 1")) {
                    rs.next();
                    revision = rs.getLong(1);
                }
                Set<String> exact = new HashSet<>();
                List<SpimeIdPattern> patterns = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT pattern FROM authorized_spimes")) {
                    while (rs.next()) {
                        SpimeIdPattern p = SpimeIdPattern.parse(rs.getString(1));
                        if (p.isExact()) {
                            exact.add(p.text());
                        } else {
                            patterns.add(p);
                        }
                    }
                }
                c.commit();
                return new Snapshot(revision, Set.copyOf(exact), List.copyOf(patterns), System.nanoTime());
            } // the pool restores auto-commit and isolation when the connection goes back

        }
    }
}
