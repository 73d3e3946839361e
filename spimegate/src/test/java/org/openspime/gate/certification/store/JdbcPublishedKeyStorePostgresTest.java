package org.openspime.gate.certification.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.service.PublishedKeyStore;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;
import org.openspime.sql.testing.PostgresTestDatabase;

/**
 * The published-key store contract on the real PostgreSQL (a throw-away database). Not skipped when PostgreSQL is
 * missing: {@link PostgresTestDatabase#create()} fails with the address it tried.
 */
class JdbcPublishedKeyStorePostgresTest extends PublishedKeyStoreContract {
    @TempDir
    Path dataDir;
    private PostgresTestDatabase postgres;
    private Database database;

    @Override
    PublishedKeyStore store() {
        postgres = PostgresTestDatabase.create();
        database = Database.open(postgres.url(), postgres.user(), postgres.password(), dataDir, Schema.GATE, 8);
        return new JdbcPublishedKeyStore(database.dataSource());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
