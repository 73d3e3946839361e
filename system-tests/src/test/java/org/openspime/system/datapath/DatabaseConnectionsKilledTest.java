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
import org.openspime.client.spime.Spime;
import org.openspime.gate.identity.OsidKind;
import org.openspime.scopenode.node.ScopeNode;
import org.openspime.sql.testing.PostgresTestDatabase;
import org.openspime.system.scopenode.NodeFixture;

/**
 * Every PostgreSQL connection of the ScopeNode terminated ({@code pg_terminate_backend}) several times while SDK
 * spimes report: reports caught in a failed commit are retried by the ScopeNode or resent from the outboxes;
 * every future completes with an ack, every outbox empties, every reading is stored exactly once.
 */
@Timeout(120)
class DatabaseConnectionsKilledTest {

    private static final int SPIMES = 3;
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void sdkSpimesLoseNothingAndStoreNothingTwiceWhenTheScopeNodesConnectionsAreKilled() throws Exception {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create();
             RestartableGate gate = RestartableGate.start(dir.resolve("gate"));
             SdkSpimes sdk = new SdkSpimes(gate, dir.resolve("spimes"))) {
            gate.register(OsidKind.SCOPENODE, NodeFixture.SNID);
            CompletableFuture<List<Spime>> starting = sdk.startInBackground("pgload", SPIMES);
            try (ScopeNode node = ScopeNode.start(ScopeNodeDatabase.on(NodeFixture.settings(gate.port(), gate.trust(),
                    Files.createDirectories(dir.resolve("node"))), pg))) {
                node.authorization().authorize("*@gate.test/spime", "test");
                List<Spime> spimes = starting.get(60, TimeUnit.SECONDS);
                try (ReportLoad load = ReportLoad.start(spimes, node.snid(), Duration.ofMillis(30))) {
                    int terminated = 0;
                    for (int round = 1; round <= ROUNDS; round++) {
                        load.awaitAcked(round * 20L, Duration.ofSeconds(30));
                        terminated += pg.terminateConnections();
                    }
                    load.awaitAcked(load.acked() + 20, Duration.ofSeconds(30));

                    List<String> expected = load.awaitEveryAck(Duration.ofSeconds(60));

                    assertThat(terminated).as("ScopeNode connections terminated under load").isGreaterThanOrEqualTo(ROUNDS);
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
