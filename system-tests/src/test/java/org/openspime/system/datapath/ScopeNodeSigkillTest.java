package org.openspime.system.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.client.spime.Spime;
import org.openspime.gate.identity.OsidKind;
import org.openspime.sql.testing.PostgresTestDatabase;
import org.openspime.system.scopenode.ChildScopeNode;
import org.openspime.system.scopenode.NodeFixture;

/**
 * kill -9 of a ScopeNode on PostgreSQL while SDK spimes report to it without pause: during the outage their
 * reports pile up in their outboxes; after the restart every future completes with an ack, every outbox empties
 * with nothing rejected, and the database holds every generated reading exactly once under the acknowledged report
 * id, those acknowledged before the kill included.
 */
@Timeout(120)
class ScopeNodeSigkillTest {

    private static final int SPIMES = 4;

    @TempDir
    Path dir;

    @Test
    void sdkSpimesLoseNothingAndStoreNothingTwiceAcrossAScopeNodeSigkill() throws Exception {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create();
             RestartableGate gate = RestartableGate.start(dir.resolve("gate"));
             SdkSpimes sdk = new SdkSpimes(gate, dir.resolve("spimes"))) {
            gate.register(OsidKind.SCOPENODE, NodeFixture.SNID);
            ChildScopeNode node = ChildScopeNode.configure(gate.port(), gate.certificatePin(),
                    Files.createDirectories(dir.resolve("node")), ScopeNodeDatabase.configLines(pg));
            ScopeNodeDatabase.authorize(pg, node.dataDir, "*@gate.test/spime");
            try (node) {
                CompletableFuture<List<Spime>> starting = sdk.startInBackground("killed", SPIMES);
                node.start();
                List<Spime> spimes = starting.get(60, TimeUnit.SECONDS);
                try (ReportLoad load = ReportLoad.start(spimes, Jid.of(NodeFixture.SNID), Duration.ofMillis(50))) {
                    load.awaitAcked(40, Duration.ofSeconds(30));

                    node.kill();
                    long ackedBeforeKill = load.acked();
                    int sentBeforeKill = load.sent();
                    Thread.sleep(1000); // the spimes go on reporting into the outage (and through the restart)
                    int piledUp = SdkSpimes.pending(spimes);
                    node.start();
                    load.awaitAcked(load.sent() + 20, Duration.ofSeconds(60)); // a while under load after the restart

                    List<String> expected = load.awaitEveryAck(Duration.ofSeconds(60));

                    assertThat(ackedBeforeKill).as("acknowledged before the kill").isPositive();
                    assertThat(piledUp).as("reports waiting in outboxes during the outage").isGreaterThan(SPIMES);
                    assertThat(load.sent()).as("reported after the kill").isGreaterThan(sentBeforeKill);
                    assertThat(StoredReadings.rows(pg)).as("stored readings").doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(expected);
                    for (Spime spime : spimes) {
                        assertThat(spime.reporter().outbox().size()).as(spime.osid() + " pending").isZero();
                        assertThat(spime.reporter().outbox().rejected()).as(spime.osid() + " rejected").isEmpty();
                    }
                }
            }
        }
    }
}
