package org.openspime.sql.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database on the real PostgreSQL server the tests run against (by default
 * {@code 127.0.0.1:5432}, user {@code postgres}, trust authentication; override with the environment variables
 * {@code OPENSPIME_TEST_PG_HOST}, {@code OPENSPIME_TEST_PG_PORT}, {@code OPENSPIME_TEST_PG_USER},
 * {@code OPENSPIME_TEST_PG_PASSWORD}). Created fresh, dropped on close.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    public static PostgresTestDatabase create() {
        String name = "openspime_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for this test and was not reachable at "
                    + serverUrl("postgres") + " (run .ci/run, or start it): " + e.getMessage(), e);
        }
        return new PostgresTestDatabase(name);
    }

    public String url() {
        return serverUrl(name);
    }

    public String user() {
        return env("OPENSPIME_TEST_PG_USER", "postgres");
    }

    public String password() {
        return env("OPENSPIME_TEST_PG_PASSWORD", "");
    }

    /**
     * Terminates every connection to this database but the one asking ({@code pg_terminate_backend}, what a server
     * restart or an operator's kill does to a client's connections); answers how many.
     */
    public int terminateConnections() {
        try (Connection c = DriverManager.getConnection(url(), user(), password());
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, name);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate the connections to " + name, e);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl("postgres"), env("OPENSPIME_TEST_PG_USER", "postgres"),
                env("OPENSPIME_TEST_PG_PASSWORD", ""));
    }

    private static String serverUrl(String db) {
        return "jdbc:postgresql://" + env("OPENSPIME_TEST_PG_HOST", "127.0.0.1") + ":"
                + env("OPENSPIME_TEST_PG_PORT", "5432") + "/" + db;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void close() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }
}
