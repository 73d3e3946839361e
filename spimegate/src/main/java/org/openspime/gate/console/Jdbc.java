package org.openspime.gate.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The little JDBC plumbing the console's stores share: borrow a pooled connection, bind positional arguments,
 * map rows. Timestamps travel as {@link OffsetDateTime} in UTC, which both H2 and the PostgreSQL driver map to
 * {@code TIMESTAMP WITH TIME ZONE} without a cast.
 */
final class Jdbc {
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String store;

    /** @param store named in error messages, e.g. {@code audit log} */
    Jdbc(DataSource dataSource, String store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    long count(String sql, Object... args) {
        return query(sql, rs -> rs.getLong(1), args).get(0);
    }

    /** Runs one statement in auto-commit: durable once this returns. */
    int update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    IllegalStateException failure(SQLException e) {
        return new IllegalStateException(store + ": " + e.getMessage(), e);
    }

    /** Text cut to a column's width: a long label or reason must not cost the record itself. */
    static String clip(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "\u2026";
    }

    static Object timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? Instant.EPOCH : t.toInstant();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
