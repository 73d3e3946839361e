package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.gate.testing.StorageFixture;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityListing;
import org.openspime.web.identity.IdentityQuery;

/** Paging through 100,000 identities as the console does: each page with its total, without a count per page. */
class IdentityPagingAtScaleTest {
    private static final int IDENTITIES = 100_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void pagingThroughAHundredThousandIdentitiesStaysInteractive(StorageFixture.Engine engine) throws Exception {
        try (StorageFixture db = StorageFixture.create(engine, dir)) {
            bulkInsert(db);
            GateIdentityAdministration ids = new GateIdentityAdministration(db.storage().identities(),
                    new JdbcOsidLookup(db.storage().database().dataSource()),
                    new IdentityTotals(Clock.systemUTC(), Duration.ofSeconds(5)));
            ids.list(IdentityQuery.firstPage(25)); // warm up the pool and the plans

            long start = System.nanoTime();
            IdentityListing first = ids.list(IdentityQuery.firstPage(25));
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            for (int page = 1; page <= 10; page++) {
                IdentityListing next = ids.list(new IdentityQuery(Optional.empty(), Optional.empty(), "", page * 25, 25));
                assertThat(next.identities()).hasSize(25);
                assertThat(next.total()).isEqualTo(IDENTITIES);
            }
            long tenPagesMillis = (System.nanoTime() - start) / 1_000_000;
            IdentityListing spimes = ids.list(new IdentityQuery(Optional.of(IdentityKind.SPIME), Optional.empty(), "", 0, 25));
            IdentityListing needle = ids.list(new IdentityQuery(Optional.empty(), Optional.empty(), "dev077777", 0, 25));

            assertThat(first.total()).isEqualTo(IDENTITIES);
            assertThat(first.identities().get(0).jid()).isEqualTo("dev000000@gate.example/spime");
            assertThat(first.identities().get(0).hasPassword()).isTrue();
            assertThat(first.identities().get(1).hasPassword()).isFalse();
            assertThat(spimes.total()).isEqualTo(IDENTITIES);
            assertThat(needle.identities()).hasSize(1);
            assertThat(needle.total()).as("a short page is its own total").isEqualTo(1);
            // Budgets that hold on a loaded 2-core machine; the totals of the ten pages come from the cache.
            assertThat(firstMillis).as("first page with its total").isLessThan(3_000);
            assertThat(tenPagesMillis).as("ten further pages").isLessThan(engine == StorageFixture.Engine.POSTGRESQL
                    ? 2_000 : 5_000);
        }
    }

    /** Accounts and OSIDs straight into the tables; every other account gets a (dummy) credential row. */
    private static void bulkInsert(StorageFixture db) throws Exception {
        try (Connection c = db.storage().database().connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("INSERT INTO accounts (jid) VALUES (?)");
                 PreparedStatement o = c.prepareStatement("INSERT INTO osids (jid, account_jid, kind, state)"
                         + " VALUES (?, ?, 'SPIME', 'ACTIVE')");
                 PreparedStatement k = c.prepareStatement("INSERT INTO credentials (account_jid, mechanism, salt,"
                         + " iterations, stored_key, server_key) VALUES (?, 'SCRAM-SHA-256', ?, 4096, ?, ?)")) {
                byte[] dummy = new byte[32];
                for (int i = 0; i < IDENTITIES; i++) {
                    String account = String.format("dev%06d@gate.example", i);
                    a.setString(1, account);
                    a.addBatch();
                    o.setString(1, account + "/spime");
                    o.setString(2, account);
                    o.addBatch();
                    if (i % 2 == 0) {
                        k.setString(1, account);
                        k.setBytes(2, dummy);
                        k.setBytes(3, dummy);
                        k.setBytes(4, dummy);
                        k.addBatch();
                    }
                    if (i % 5000 == 4999) {
                        a.executeBatch();
                        o.executeBatch();
                        k.executeBatch();
                    }
                }
                a.executeBatch();
                o.executeBatch();
                k.executeBatch();
            }
            c.commit();
            try (var st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        }
    }
}
