package org.openspime.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled, migrated database. Either the embedded H2 default (a file under the data directory, opened in
 * H2's auto-server mode so that {@code openspime admin} can work on it while the daemon runs) or any JDBC URL,
 * in production a {@code jdbc:postgresql:} one.
 *
 * <p>Opening migrates the schema with Flyway before the pool is handed out, so a caller never sees a database
 * older than its code.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Engine engine;

    /** Which engine is behind the URL; a few statements (bulk insert, upserts) differ between the two. */
    public enum Engine { H2, POSTGRESQL }

    private Database(HikariDataSource dataSource, Engine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /**
     * Opens and migrates a database.
     *
     * @param jdbcUrl  a JDBC URL, or {@code null}/blank for the embedded default under {@code dataDir}
     * @param user     the database user (ignored for the embedded default), may be null
     * @param password the database password, may be null
     * @param dataDir  where the embedded default keeps its file
     * @param schema   which migrations to apply
     * @param poolSize the maximum number of pooled connections
     */
    public static Database open(String jdbcUrl, String user, String password, Path dataDir, Schema schema,
                                int poolSize) {
        String url = (jdbcUrl == null || jdbcUrl.isBlank()) ? embeddedUrl(dataDir, schema) : jdbcUrl.trim();
        Engine engine = engineOf(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (engine == Engine.H2) {
            config.setUsername(user == null ? "sa" : user);
            config.setPassword(password == null ? "" : password);
        } else {
            if (user != null) {
                config.setUsername(user);
            }
            if (password != null) {
                config.setPassword(password);
            }
        }
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setPoolName("openspime-" + schema.shortName());
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrate(ds, schema);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        log.info("database ready: engine={} url={} schema={}", engine, redact(url), schema.shortName());
        return new Database(ds, engine);
    }

    /**
     * The URL of the embedded default for a schema under a data directory. {@code WRITE_DELAY=0}: H2 otherwise
     * writes committed transactions to its file from a background thread up to half a second later, so a process
     * killed with SIGKILL lost what it had already confirmed (a ScopeNode lost 14 of 200 acknowledged readings in
     * ScopeNodeKillTest). With no delay a commit is in the file (the OS's cache) when it returns.
     */
    public static String embeddedUrl(Path dataDir, Schema schema) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve(schema.shortName());
        return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    static Engine engineOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Engine.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Engine.POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (want jdbc:postgresql: or jdbc:h2:): "
                + redact(url));
    }

    private static void migrate(DataSource ds, Schema schema) {
        Flyway.configure()
                .dataSource(ds)
                .locations(schema.migrationLocation())
                .table("flyway_schema_history")
                .load()
                .migrate();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Engine engine() {
        return engine;
    }

    /** Borrows a pooled connection; the caller closes it. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
