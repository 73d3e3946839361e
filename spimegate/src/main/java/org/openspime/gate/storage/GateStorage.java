package org.openspime.gate.storage;

import org.apache.vysper.storage.OpenStorageProviderRegistry;
import org.apache.vysper.storage.StorageProviderRegistry;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.JdbcIdentityStore;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;

/**
 * The gate's database and everything built on it, opened once: the migrated {@link Database}, the
 * {@link IdentityRegistry}, and Vysper's storage providers (user authorization, account management, rosters).
 * Closing it closes the pool.
 */
public final class GateStorage implements AutoCloseable {
    /** Logins, roster reads and the console share it; PostgreSQL's default 100 connections leave room. */
    static final int POOL_SIZE = 10;

    private final Database database;
    private final IdentityRegistry identities;
    private final OpenStorageProviderRegistry providers = new OpenStorageProviderRegistry();

    private GateStorage(Database database, IdentityRegistry identities) {
        this.database = database;
        this.identities = identities;
        providers.add(new JdbcUserAuthorization(identities));
        providers.add(new JdbcAccountManagement(identities));
        providers.add(new JdbcRosterManager(database.dataSource()));
    }

    /** Opens (and migrates) the configured database; resources are refused unless registered. */
    public static GateStorage open(GateConfig config) {
        return open(config, false);
    }

    /** As {@link #open(GateConfig)}, with the gate's policy for resources that are not registered OSIDs. */
    public static GateStorage open(GateConfig config, boolean allowUnregisteredResources) {
        Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dataDir(),
                Schema.GATE, POOL_SIZE);
        return new GateStorage(db, new IdentityRegistry(new JdbcIdentityStore(db.dataSource()), config.domain(),
                allowUnregisteredResources));
    }

    public Database database() {
        return database;
    }

    public IdentityRegistry identities() {
        return identities;
    }

    /** For {@code XMPPServer.setStorageProviderRegistry} or the gate's own runtime context. */
    public StorageProviderRegistry vysperProviders() {
        return providers;
    }

    @Override
    public void close() {
        database.close();
    }
}
