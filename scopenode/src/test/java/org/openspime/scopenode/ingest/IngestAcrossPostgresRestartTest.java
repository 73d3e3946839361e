package org.openspime.scopenode.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openspime.scopenode.testing.Readings.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.scopenode.storage.JdbcReadingStore;
import org.openspime.scopenode.storage.StoreOutcome;
import org.openspime.scopenode.testing.Readings;
import org.openspime.scopenode.testing.TestDatabase;
import org.openspime.scopenode.testing.TestDatabase.Kind;

/**
 * What a PostgreSQL restart does to a ScopeNode, without restarting the server other tests share: every backend of
 * the test database is terminated ({@code pg_terminate_backend}, the same FATAL 57P01 "terminating connection due
 * to administrator command" a fast shutdown sends), again and again, while reports stream in. PostgreSQL-only by
 * nature; {@link IngestQueueTest} covers the lost-commit-answer case on both engines.
 */
class IngestAcrossPostgresRestartTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedReportIsStoredExactlyOnceWhenConnectionsAreKilledMidStream() throws Exception {
        try (TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            IngestQueue queue = new IngestQueue(store, new IngestSettings(200, Duration.ofMillis(2), 50_000,
                    Duration.ofMillis(200)));
            List<CompletableFuture<StoreOutcome>> acks = new ArrayList<>();
            Thread killer = new Thread(() -> killBackends(db.postgresName(), 8));
            killer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            int n = 0;
            while (System.nanoTime() < deadline || killer.isAlive()) {
                acks.add(queue.submit(report("s" + (n % 10) + "@gate.example/spime", "r" + n, n, 400, 20),
                        Duration.ofSeconds(30)));
                n++;
                if (n % 20 == 0) {
                    Thread.sleep(5);
                }
            }
            killer.join();
            long submitted = System.nanoTime();
            for (CompletableFuture<StoreOutcome> ack : acks) {
                assertThat(ack.get(60, TimeUnit.SECONDS)).isIn(StoreOutcome.STORED, StoreOutcome.DUPLICATE);
            }
            queue.close();
            System.out.printf("%d reports, %d batches, %d retries; drained %d ms after the last submit%n", n,
                    queue.batchesCommitted(), queue.retries(), (System.nanoTime() - submitted) / 1_000_000);

            assertThat(queue.retries()).as("the kills did hit transactions").isPositive();
            assertThat(IngestQueueTest.count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(n);
            assertThat(IngestQueueTest.count(db,
                    "SELECT COUNT(*) FROM (SELECT DISTINCT spime_key, report_id FROM readings) t")).isEqualTo(n);
        }
    }

    private static void killBackends(String database, int times) {
        String url = "jdbc:postgresql://" + env("OPENSPIME_TEST_PG_HOST", "127.0.0.1") + ":"
                + env("OPENSPIME_TEST_PG_PORT", "5432") + "/postgres";
        try (Connection admin = DriverManager.getConnection(url, env("OPENSPIME_TEST_PG_USER", "postgres"),
                env("OPENSPIME_TEST_PG_PASSWORD", ""));
             PreparedStatement ps = admin.prepareStatement("SELECT COUNT(pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            for (int i = 0; i < times; i++) {
                Thread.sleep(300);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
