package org.openspime.system.scopenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.gate.testing.TestGate;
import org.openspime.scopenode.node.ScopeNode;
import org.openspime.sql.testing.PostgresTestDatabase;

/**
 * PostgreSQL trouble mid-load: every connection of the ScopeNode is terminated ({@code pg_terminate_backend},
 * what a server restart does to them) several times while spimes report. Nothing acknowledged is lost and nothing
 * is stored twice; reports caught in a failed commit are retried by the ingest queue or resent by their spime.
 */
@Timeout(120)
class DatabaseTroubleTest {

    private static final int SPIMES = 4;
    private static final int REPORTS = 50;

    @TempDir
    Path dir;

    @Test
    void terminatedDatabaseConnectionsLoseNothingAcknowledgedAndStoreNothingTwice() throws Exception {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create(); TestGate gate = TestGate.start();
             ScopeNode node = ScopeNode.start(NodeFixture.settings(gate, dir)
                     .withDatabase(pg.url() + "?reWriteBatchedInserts=true", pg.user(), pg.password()))) {
            node.authorization().authorize("*@gate.test/spime", "test");
            ExecutorService pool = Executors.newFixedThreadPool(SPIMES);
            List<TestSpime> spimes = new ArrayList<>();
            try {
                AtomicInteger acked = new AtomicInteger();
                List<Future<Set<String>>> streams = new ArrayList<>();
                for (int i = 0; i < SPIMES; i++) {
                    TestSpime spime = TestSpime.start(gate, "pg" + i + "@gate.test/spime", node.snid());
                    spimes.add(spime);
                    streams.add(pool.submit(new ReportStream(spime, "pg-", REPORTS, Duration.ofSeconds(90), acked)));
                }
                int terminated = 0;
                for (int round = 0; round < 6; round++) {
                    int target = (round + 1) * SPIMES * REPORTS / 8;
                    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (acked.get() < target && System.nanoTime() < until) {
                        Thread.sleep(10);
                    }
                    terminated += pg.terminateConnections();
                }
                for (Future<Set<String>> stream : streams) {
                    assertThat(stream.get(100, TimeUnit.SECONDS)).hasSize(REPORTS);
                }
                assertThat(terminated).as("connections terminated mid-load").isPositive();
            } finally {
                pool.shutdownNow();
                spimes.forEach(TestSpime::close);
            }
            try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT (spime_key, report_id)) FROM readings")) {
                rs.next();
                assertThat(rs.getLong(1)).as("readings").isEqualTo(SPIMES * REPORTS);
                assertThat(rs.getLong(2)).as("distinct reports").isEqualTo(SPIMES * REPORTS);
            }
        }
    }
}
