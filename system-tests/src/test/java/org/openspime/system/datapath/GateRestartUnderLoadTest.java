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
 * The gate restarts while SDK spimes report to a ScopeNode on PostgreSQL: spimes and ScopeNode log in again by
 * themselves, whatever was cut off in flight is resent from the outboxes, nothing acknowledged is lost, nothing is
 * stored twice, and every outbox empties.
 */
@Timeout(120)
class GateRestartUnderLoadTest {

    private static final int SPIMES = 3;

    @TempDir
    Path dir;

    @Test
    void sdkSpimesAndTheScopeNodeReconnectByThemselvesAndLoseNothingAcrossAGateRestart() throws Exception {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create();
             RestartableGate gate = RestartableGate.start(dir.resolve("gate"));
             SdkSpimes sdk = new SdkSpimes(gate, dir.resolve("spimes"))) {
            gate.register(OsidKind.SCOPENODE, NodeFixture.SNID);
            CompletableFuture<List<Spime>> starting = sdk.startInBackground("roaming", SPIMES);
            try (ScopeNode node = ScopeNode.start(ScopeNodeDatabase.on(NodeFixture.settings(gate.port(), gate.trust(),
                    Files.createDirectories(dir.resolve("node"))), pg))) {
                node.authorization().authorize("*@gate.test/spime", "test");
                List<Spime> spimes = starting.get(60, TimeUnit.SECONDS);
                try (ReportLoad load = ReportLoad.start(spimes, node.snid(), Duration.ofMillis(40))) {
                    load.awaitAcked(30, Duration.ofSeconds(30));

                    gate.restart();
                    long ackedAtRestart = load.acked();
                    int waiting = SdkSpimes.pending(spimes);
                    assertThat(node.isConnected()).as("the ScopeNode noticed the gate went away").isFalse();
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (!(node.isConnected() && spimes.stream().allMatch(s -> s.connection().isAuthenticated()))) {
                        assertThat(System.nanoTime()).as("everyone logged in again within 60 s").isLessThan(deadline);
                        Thread.sleep(50);
                    }
                    load.awaitAcked(ackedAtRestart + 30, Duration.ofSeconds(30));

                    List<String> expected = load.awaitEveryAck(Duration.ofSeconds(60));

                    assertThat(waiting).as("reports waiting in outboxes when the gate came back").isPositive();

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
