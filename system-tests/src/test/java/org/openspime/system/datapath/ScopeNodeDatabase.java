package org.openspime.system.datapath;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openspime.scopenode.authorization.SpimeAuthorization;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;
import org.openspime.sql.testing.PostgresTestDatabase;

/** The ScopeNode's PostgreSQL settings, for a node in this JVM or a child one, and authorizing spimes in it. */
final class ScopeNodeDatabase {

    private ScopeNodeDatabase() {
    }

    /** As an operator configures it: batched inserts rewritten into multi-row ones. */
    static String url(PostgresTestDatabase pg) {
        return pg.url() + "?reWriteBatchedInserts=true";
    }

    /** Settings lines of a child ScopeNode's config file. */
    static List<String> configLines(PostgresTestDatabase pg) {
        List<String> lines = new ArrayList<>(List.of("db-url=" + url(pg), "db-user=" + pg.user()));
        if (!pg.password().isEmpty()) {
            lines.add("db-password=" + pg.password());
        }
        return lines;
    }

    static NodeSettings on(NodeSettings settings, PostgresTestDatabase pg) {
        return settings.withDatabase(url(pg), pg.user(), pg.password().isEmpty() ? null : pg.password());
    }

    /** Migrates the database and authorizes {@code pattern}, as {@code scopenode authorize} does before a start. */
    static void authorize(PostgresTestDatabase pg, Path dataDir, String pattern) throws Exception {
        try (Database db = Database.open(url(pg), pg.user(), pg.password().isEmpty() ? null : pg.password(), dataDir,
                Schema.SCOPENODE, 2)) {
            new SpimeAuthorization(db.dataSource(), Duration.ofSeconds(1)).authorize(pattern, "test");
        }
    }
}
