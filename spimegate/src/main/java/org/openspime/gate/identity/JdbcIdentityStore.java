package org.openspime.gate.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.credentials.ScramCredentials;

/**
 * {@link IdentityStore} on the gate's schema (see {@code db/migration/gate} in the sql module). Plain JDBC over a
 * pool; the statements are the portable subset that H2 in PostgreSQL mode and PostgreSQL both run. Thread-safe:
 * it holds no state besides the data source.
 */
public final class JdbcIdentityStore implements IdentityStore {
    private static final String SQLSTATE_UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "jid, account_jid, kind, description, owner, state, created_at";

    private final DataSource dataSource;

    public JdbcIdentityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Identity> find(Jid jid) {
        return query("SELECT " + COLUMNS + " FROM osids WHERE jid = ?", ps -> ps.setString(1, jid.toString()))
                .stream().findFirst();
    }

    @Override
    public List<Identity> underAccount(Jid account) {
        return query("SELECT " + COLUMNS + " FROM osids WHERE account_jid = ? ORDER BY jid",
                ps -> ps.setString(1, account.bare().toString()));
    }

    @Override
    public boolean accountExists(Jid account) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM accounts WHERE jid = ?")) {
                ps.setString(1, account.bare().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public void insert(Identity identity, Collection<ScramCredentials> newAccountCredentials, String origin) {
        String account = identity.account().toString();
        write(c -> {
            if (newAccountCredentials != null) {
                update(c, "INSERT INTO accounts (jid) VALUES (?)", account);
                insertCredentials(c, account, newAccountCredentials);
            } else if (!accountExists(c, account)) {
                throw new IdentityException("account " + account + " does not exist");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO osids (jid, account_jid, kind, description, owner, state) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, identity.jid().toString());
                ps.setString(2, account);
                ps.setString(3, identity.kind().name());
                ps.setString(4, identity.description());
                ps.setString(5, identity.owner());
                ps.setString(6, identity.state().name());
                ps.executeUpdate();
            }
            logChange(c, identity.jid(), IdentityChange.Kind.CREATED, origin);
            return null;
        }, identity.jid());
    }

    @Override
    public List<Jid> setState(Collection<Jid> osids, IdentityState state, String origin) {
        IdentityChange.Kind change = state == IdentityState.ACTIVE ? IdentityChange.Kind.ENABLED
                : IdentityChange.Kind.DISABLED;
        return write(c -> {
            List<Jid> changed = new ArrayList<>();
            for (Jid osid : osids) {
                int n = update(c, "UPDATE osids SET state = ? WHERE jid = ? AND state <> ?", state.name(),
                        osid.toString(), state.name());
                if (n > 0) {
                    changed.add(osid);
                    logChange(c, osid, change, origin);
                }
            }
            return changed;
        }, null);
    }

    @Override
    public void replaceCredentials(Jid account, Collection<ScramCredentials> credentials, String origin) {
        String bare = account.bare().toString();
        write(c -> {
            if (!accountExists(c, bare)) {
                throw new IdentityException("account " + bare + " does not exist");
            }
            update(c, "DELETE FROM credentials WHERE account_jid = ?", bare);
            insertCredentials(c, bare, credentials);
            logChange(c, account.bare(), IdentityChange.Kind.PASSWORD_CHANGED, origin);
            return null;
        }, null);
    }

    @Override
    public Optional<ScramCredentials> credentials(Jid account, ScramAlgorithm algorithm) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT salt, iterations, stored_key, server_key "
                    + "FROM credentials WHERE account_jid = ? AND mechanism = ?")) {
                ps.setString(1, account.bare().toString());
                ps.setString(2, algorithm.mechanism());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ScramCredentials(algorithm, rs.getBytes(1), rs.getInt(2), rs.getBytes(3),
                            rs.getBytes(4)));
                }
            }
        });
    }

    @Override
    public void deleteOsid(Jid osid, String origin) {
        write(c -> {
            String account = osid.bare().toString();
            try (PreparedStatement ps = c.prepareStatement("SELECT account_jid FROM osids WHERE jid = ?")) {
                ps.setString(1, osid.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IdentityException(osid + " is not registered");
                    }
                    account = rs.getString(1);
                }
            }
            update(c, "DELETE FROM osids WHERE jid = ?", osid.toString());
            logChange(c, osid, IdentityChange.Kind.DELETED, origin);
            boolean othersLeft;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM osids WHERE account_jid = ?")) {
                ps.setString(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    othersLeft = rs.next();
                }
            }
            if (!othersLeft) {
                removeAccount(c, account);
                if (!account.equals(osid.toString())) {
                    logChange(c, Jid.parse(account), IdentityChange.Kind.DELETED, origin);
                }
            }
            return null;
        }, null);
    }

    @Override
    public void deleteAccount(Jid account, String origin) {
        String bare = account.bare().toString();
        write(c -> {
            if (!accountExists(c, bare)) {
                throw new IdentityException("account " + bare + " does not exist");
            }
            List<String> osids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT jid FROM osids WHERE account_jid = ?")) {
                ps.setString(1, bare);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        osids.add(rs.getString(1));
                    }
                }
            }
            removeAccount(c, bare);
            for (String osid : osids) {
                if (!osid.equals(bare)) {
                    logChange(c, Jid.parse(osid), IdentityChange.Kind.DELETED, origin);
                }
            }
            logChange(c, account.bare(), IdentityChange.Kind.DELETED, origin);
            return null;
        }, null);
    }

    /** OSIDs and credentials go by ON DELETE CASCADE; the roster has no foreign key (contacts may be remote). */
    private static void removeAccount(Connection c, String account) throws SQLException {
        update(c, "DELETE FROM roster_items WHERE owner_jid = ?", account);
        update(c, "DELETE FROM accounts WHERE jid = ?", account);
    }

    @Override
    public List<Identity> list(IdentityQuery q) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        String sql = "SELECT " + COLUMNS + " FROM osids" + where + " ORDER BY jid LIMIT " + q.limit()
                + (q.offset() > 0 ? " OFFSET " + q.offset() : "");
        return query(sql, ps -> bind(ps, args));
    }

    @Override
    public long count(IdentityQuery q) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM osids" + where(q, args);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String where(IdentityQuery q, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (q.kind() != null) {
            conditions.add("kind = ?");
            args.add(q.kind().name());
        }
        if (q.state() != null) {
            conditions.add("state = ?");
            args.add(q.state().name());
        }
        if (q.after() != null) {
            conditions.add("jid > ?");
            args.add(q.after());
        }
        if (q.search() != null) {
            String pattern = "%" + q.search().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            conditions.add("(LOWER(jid) LIKE ? ESCAPE '!' OR LOWER(description) LIKE ? ESCAPE '!'"
                    + " OR LOWER(owner) LIKE ? ESCAPE '!')");
            args.add(pattern);
            args.add(pattern);
            args.add(pattern);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    @Override
    public List<IdentityChange> changesAfter(long afterId, int limit) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, jid, change_kind, origin FROM identity_changes"
                    + " WHERE id > ? ORDER BY id LIMIT " + Math.max(1, limit))) {
                ps.setLong(1, afterId);
                List<IdentityChange> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IdentityChange(rs.getLong(1), rs.getString(2),
                                IdentityChange.Kind.valueOf(rs.getString(3)), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long lastChangeId() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM identity_changes");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // --- plumbing -------------------------------------------------------------------------------------------

    private static boolean accountExists(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM accounts WHERE jid = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertCredentials(Connection c, String account, Collection<ScramCredentials> credentials)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credentials "
                + "(account_jid, mechanism, salt, iterations, stored_key, server_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ScramCredentials cr : credentials) {
                ps.setString(1, account);
                ps.setString(2, cr.algorithm().mechanism());
                ps.setBytes(3, cr.salt());
                ps.setInt(4, cr.iterations());
                ps.setBytes(5, cr.storedKey());
                ps.setBytes(6, cr.serverKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void logChange(Connection c, Jid jid, IdentityChange.Kind kind, String origin)
            throws SQLException {
        update(c, "INSERT INTO identity_changes (jid, change_kind, origin) VALUES (?, ?, ?)", jid.toString(),
                kind.name(), origin);
    }

    private static int update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private List<Identity> query(String sql, Binder binder) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<Identity> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(identity(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Identity identity(ResultSet rs) throws SQLException {
        OffsetDateTime created = rs.getObject(7, OffsetDateTime.class);
        return new Identity(Jid.parse(rs.getString(1)), Jid.parse(rs.getString(2)), OsidKind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), IdentityState.valueOf(rs.getString(6)),
                created == null ? Instant.EPOCH : created.toInstant());
    }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("identity store: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction; a unique violation on {@code subject} becomes a duplicate message. */
    private <T> T write(Work<T> work, Jid subject) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            if (SQLSTATE_UNIQUE_VIOLATION.equals(e.getSQLState()) && subject != null) {
                throw new IdentityException(subject + " is already registered");
            }
            throw new IllegalStateException("identity store: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
