package org.openspime.system.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.client.outbox.Outbox;
import org.openspime.gate.identity.OsidKind;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.scopenode.node.ScopeNode;
import org.openspime.sql.testing.PostgresTestDatabase;
import org.openspime.system.scopenode.NodeFixture;

/**
 * kill -9 of a spime process whose reports wait in its outbox (the ScopeNode was stopped when it reported): when
 * the ScopeNode is back and the spime process starts again from the same outbox directory, every one of those
 * reports arrives, exactly once, and the outbox empties.
 */
@Timeout(120)
class SpimeProcessCrashTest {

    private static final int REPORTS = 12;
    private static final String OSID = "crasher@gate.test/spime";

    @TempDir
    Path dir;

    @Test
    void reportsPendingInAKilledSpimeProcessArriveExactlyOnceAfterItStartsAgain() throws Exception {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create();
             RestartableGate gate = RestartableGate.start(dir.resolve("gate"))) {
            gate.register(OsidKind.SCOPENODE, NodeFixture.SNID);
            NodeSettings settings = ScopeNodeDatabase.on(NodeFixture.settings(gate.port(), gate.trust(),
                    Files.createDirectories(dir.resolve("node"))), pg);
            try (ScopeNode node = ScopeNode.start(settings)) {
                node.authorization().authorize(OSID, "test"); // its key is certified now; then it stops
            }
            Path home = Files.createDirectories(dir.resolve("spime"));
            try (SpimeProcess spime = SpimeProcess.provision(gate, OSID, NodeFixture.SNID, home)) {
                spime.start("report=" + REPORTS);
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < REPORTS; i++) {
                    String[] queued = spime.next(Duration.ofSeconds(60), "queued ").split(" ");
                    expected.add(StoredReadings.row(OSID, queued[1], 0, Long.parseLong(queued[2])));
                }
                spime.next(Duration.ofSeconds(10), "all-queued");
                Thread.sleep(500); // sent, and answered that the ScopeNode is not there
                assertThat(pendingFiles(home)).as("reports pending on disk when the spime dies").isEqualTo(REPORTS);
                spime.kill();

                try (ScopeNode node = ScopeNode.start(settings)) {
                    spime.start("drain", "drain-seconds=40");
                    assertThat(spime.next(Duration.ofSeconds(60), "drained", "pending"))
                            .as(spime.printed()).isEqualTo("drained 0");
                    assertThat(spime.waitFor(Duration.ofSeconds(20))).isZero();
                }
                assertThat(StoredReadings.rows(pg)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
                Outbox outbox = SdkSpimes.reopen(home.resolve("outbox"));
                assertThat(outbox.size()).isZero();
                assertThat(outbox.rejected()).isEmpty();
            }
        }
    }

    private static long pendingFiles(Path home) throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("outbox").resolve("pending"))) {
            return files.filter(f -> f.toString().endsWith(".report")).count();
        }
    }
}
