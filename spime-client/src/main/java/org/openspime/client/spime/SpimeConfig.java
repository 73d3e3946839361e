package org.openspime.client.spime;

import java.nio.file.Path;
import java.util.Objects;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.client.connection.ConnectionSettings;

/**
 * Everything {@link Spime#start} needs: whom to log in as and where, the key store holding the spime's key pair
 * (under {@code keyAlias}), the outbox directory, and the {@link SpimeOptions}.
 */
public record SpimeConfig(ConnectionSettings connection, Path keyStore, char[] keyStorePassword, String keyAlias, Path outboxDir,
                          SpimeOptions options) {

    public SpimeConfig {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(keyAlias, "keyAlias");
        Objects.requireNonNull(outboxDir, "outboxDir");
        Objects.requireNonNull(options, "options");
    }

    /** The key under the store's {@code current} alias. */
    public static SpimeConfig of(ConnectionSettings connection, Path keyStore, char[] keyStorePassword, Path outboxDir, SpimeOptions options) {
        return new SpimeConfig(connection, keyStore, keyStorePassword, LocalKeyStore.CURRENT, outboxDir, options);
    }
}
