package org.openspime.gate.testing;

import java.nio.file.Path;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.storage.GateStorage;
import org.openspime.sql.testing.PostgresTestDatabase;

/** A gate configuration and its storage on one engine, for tests that must pass on both H2 and PostgreSQL. */
public final class StorageFixture implements AutoCloseable {
    public static final String DOMAIN = "gate.example";

    /** The two engines every storage test runs on. */
    public enum Engine { H2, POSTGRESQL }

    private final GateConfig config;
    private final PostgresTestDatabase pg;
    private GateStorage storage;

    private StorageFixture(GateConfig config, PostgresTestDatabase pg) {
        this.config = config;
        this.pg = pg;
    }

    /** A fresh database: H2 under {@code dataDir}, or a throw-away PostgreSQL database (fails if it is down). */
    public static StorageFixture create(Engine engine, Path dataDir) {
        PostgresTestDatabase pg = engine == Engine.POSTGRESQL ? PostgresTestDatabase.create() : null;
        GateConfig config = new GateConfig(DOMAIN, "127.0.0.1", 0, 0, 0, dataDir,
                pg == null ? null : pg.url(), pg == null ? null : pg.user(), pg == null ? null : pg.password(),
                null, null, GateConfig.Limits.defaults(), GateConfig.DEFAULT_MAX_KEY_LIFE);
        return new StorageFixture(config, pg);
    }

    public GateConfig config() {
        return config;
    }

    /** The storage, opened on first use. */
    public GateStorage storage() {
        if (storage == null) {
            storage = GateStorage.open(config);
        }
        return storage;
    }

    /** The arguments that point {@code admin} at this database. */
    public String[] adminOptions() {
        if (pg == null) {
            return new String[] {"--domain", DOMAIN, "--data-dir", config.dataDir().toString()};
        }
        return new String[] {"--domain", DOMAIN, "--data-dir", config.dataDir().toString(), "--db-url", pg.url(),
                "--db-user", pg.user(), "--db-password", pg.password()};
    }

    @Override
    public void close() {
        if (storage != null) {
            storage.close();
        }
        if (pg != null) {
            pg.close();
        }
    }
}
