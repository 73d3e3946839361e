package org.openspime.scopenode.testing;

import java.nio.file.Path;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;
import org.openspime.sql.testing.PostgresTestDatabase;

/** A migrated ScopeNode database on one of the two engines, thrown away on close. */
public final class TestDatabase implements AutoCloseable {
    /** The engines every storage test runs on. */
    public enum Kind { H2, POSTGRESQL }

    private final Database database;
    private final PostgresTestDatabase postgres;

    private TestDatabase(Database database, PostgresTestDatabase postgres) {
        this.database = database;
        this.postgres = postgres;
    }

    public static TestDatabase open(Kind kind, Path tempDir) {
        return open(kind, tempDir, 4);
    }

    public static TestDatabase open(Kind kind, Path tempDir, int poolSize) {
        if (kind == Kind.H2) {
            return new TestDatabase(Database.open(null, null, null, tempDir, Schema.SCOPENODE, poolSize), null);
        }
        PostgresTestDatabase pg = PostgresTestDatabase.create();
        try {
            return new TestDatabase(Database.open(pg.url() + "?reWriteBatchedInserts=true", pg.user(),
                    pg.password(), tempDir, Schema.SCOPENODE, poolSize), pg);
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    /** The PostgreSQL database name (for pg_terminate_backend), or null on H2. */
    public String postgresName() {
        if (postgres == null) {
            return null;
        }
        String url = postgres.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        database.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
