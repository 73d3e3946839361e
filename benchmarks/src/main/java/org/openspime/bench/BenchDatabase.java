package org.openspime.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database of its own for one benchmark run ({@code openspime_bench_<pid>} on 127.0.0.1:5432, user
 * postgres, trust authentication), dropped by {@link #close()}.
 */
final class BenchDatabase implements AutoCloseable {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    private final String name;

    private BenchDatabase(String name) {
        this.name = name;
    }

    static BenchDatabase create() throws SQLException {
        String name = "openspime_bench_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        Bench.say("created database %s", name);
        return new BenchDatabase(name);
    }

    /** The JDBC URL the ScopeNode is given, as docs/scopenode.md recommends it for PostgreSQL. */
    String url() {
        return SERVER + name + "?reWriteBatchedInserts=true";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /** Readings stored so far: the benchmark's truth for "stored". */
    long readings() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM readings")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        Bench.say("dropped database %s", name);
    }
}
