package org.openspime.gate.certification.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.service.PublishedKeyStore;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;

/** The published-key store contract on the embedded default: H2 in PostgreSQL mode, a file in a temporary data dir. */
class JdbcPublishedKeyStoreH2Test extends PublishedKeyStoreContract {
    @TempDir
    Path dataDir;
    private Database database;

    @Override
    PublishedKeyStore store() {
        database = Database.open(null, null, null, dataDir, Schema.GATE, 8);
        return new JdbcPublishedKeyStore(database.dataSource());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }
}
