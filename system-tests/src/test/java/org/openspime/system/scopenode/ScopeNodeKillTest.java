package org.openspime.system.scopenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.openspime.certification.Jid;
import org.openspime.gate.testing.TestGate;
import org.openspime.scopenode.authorization.SpimeAuthorization;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;

/**
 * kill -9 of the ScopeNode under load: while spimes keep resending what is not acknowledged, the ScopeNode's JVM
 * is killed and started again. Afterwards every report is acknowledged and every acknowledged reading is stored
 * exactly once (reports resealed after the restart's no-key-available carry the same data, so they are
 * duplicates, not replays).
 */
@Timeout(150)
class ScopeNodeKillTest {

    private static final int SPIMES = 4;
    private static final int REPORTS = 50;

    @TempDir
    Path dir;

    @Test
    void afterSigkillAndRestartEveryReportIsAcknowledgedAndStoredExactlyOnce() throws Exception {
        try (TestGate gate = TestGate.start()) {
            ChildScopeNode node = ChildScopeNode.configure(gate, dir);
            try (Database db = Database.open(null, null, null, node.dataDir, Schema.SCOPENODE, 2)) {
                new SpimeAuthorization(db.dataSource(), Duration.ofSeconds(1)).authorize("*@gate.test/*", "test");
            }
            ExecutorService pool = Executors.newFixedThreadPool(SPIMES);
            List<TestSpime> spimes = new ArrayList<>();
            try (node) {
                node.start();
                AtomicInteger acked = new AtomicInteger();
                List<Future<Set<String>>> streams = new ArrayList<>();
                for (int i = 0; i < SPIMES; i++) {
                    TestSpime spime = TestSpime.start(gate, "k" + i + "@gate.test/spime", Jid.of(NodeFixture.SNID));
                    spimes.add(spime);
                    streams.add(pool.submit(new ReportStream(spime, "kill-", REPORTS, Duration.ofSeconds(100), acked)));
                }
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (acked.get() < SPIMES * REPORTS / 4 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                int beforeKill = acked.get();
                node.kill();
                node.start();

                Set<String> all = new HashSet<>();
                for (int i = 0; i < SPIMES; i++) {
                    Set<String> ids = streams.get(i).get(110, TimeUnit.SECONDS);
                    assertThat(ids).hasSize(REPORTS);
                    ids.forEach(id -> all.add(id));
                }
                assertThat(beforeKill).as("the kill came under load, after some acks and before the end")
                        .isBetween(1, SPIMES * REPORTS - 1);
                assertThat(all).hasSize(REPORTS);
            } finally {
                pool.shutdownNow();
                spimes.forEach(TestSpime::close);
            }
            try (Database db = Database.open(null, null, null, node.dataDir, Schema.SCOPENODE, 2);
                 Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT CONCAT(spime_key, '/', report_id))"
                         + " FROM readings WHERE report_id LIKE 'kill-%'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("readings stored").isEqualTo(SPIMES * REPORTS);
                assertThat(rs.getLong(2)).as("distinct reports").isEqualTo(SPIMES * REPORTS);
            }
        }
    }
}
