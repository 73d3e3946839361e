package org.openspime.system.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.Value;
import org.openspime.client.reporting.ReportRejectedException;
import org.openspime.client.spime.Spime;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.PeerGate;
import org.openspime.gate.testing.TestGate;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.scopenode.node.ScopeNode;
import org.openspime.sql.testing.PostgresTestDatabase;
import org.openspime.system.scopenode.NodeFixture;
import org.openspime.system.scopenode.TestScope;

/**
 * The data path across federation: SDK spimes on gate A (a.test, 127.0.0.2) report to a ScopeNode on gate B (b.test,
 * 127.0.0.3). The spimes find the ScopeNode's key at B's certification service and trust it through B's
 * certification key; the ScopeNode finds each spime's key at A's service and accepts it only because it was told
 * to trust A's certification key for a.test's identities. Gate B restarts in the middle of the stream: the
 * ScopeNode logs in again, reports in flight are resent, nothing acknowledged is lost or stored twice.
 */
@Timeout(240)
class CrossGateReportingTest {
    private static final String SNID = "co2node@b.test/co2";

    @TempDir
    Path dir;

    @Test
    void spimesOnOneGateReportToAScopeNodeOnAnotherAndLoseNothingWhenThatGateRestarts() throws Exception {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create();
             PeerGate a = PeerGate.prepare("a.test", PeerGate.loopback(2));
             PeerGate b = PeerGate.prepare("b.test", PeerGate.loopback(3))) {
            a.federateWith(b).start();
            b.federateWith(a).start();
            NodeSettings settings = nodeOn(b).withTrustedGate(a.certificationService().toString(),
                    a.certificationKey());
            List<Spime> spimes = new ArrayList<>();
            try (ScopeNode node = ScopeNode.start(ScopeNodeDatabase.on(settings, pg))) {
                node.authorization().authorize("*@a.test/spime", "spimes of gate A");
                for (int i = 0; i < 2; i++) {
                    spimes.add(FederatedSpimes.start(a, "roamer" + i, FederatedSpimes.anchorsOf(a, b), dir));
                }
                try (ReportLoad load = ReportLoad.start(spimes, node.snid(), Duration.ofMillis(50))) {
                    load.awaitAcked(20, Duration.ofSeconds(60));

                    b.restart();
                    long ackedAtRestart = load.acked();
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (!node.isConnected()) {
                        assertThat(System.nanoTime()).as("the ScopeNode logged in to B again within 60 s")
                                .isLessThan(deadline);
                        Thread.sleep(50);
                    }
                    load.awaitAcked(ackedAtRestart + 20, Duration.ofSeconds(60));

                    List<String> expected = load.awaitEveryAck(Duration.ofSeconds(90));
                    assertThat(StoredReadings.rows(pg)).as("stored readings").doesNotHaveDuplicates()
                            .containsExactlyInAnyOrderElementsOf(expected);
                    for (Spime spime : spimes) {
                        assertThat(spime.reporter().outbox().size()).as(spime.osid() + " pending").isZero();
                        assertThat(spime.reporter().outbox().rejected()).as(spime.osid() + " rejected").isEmpty();
                    }
                }
            } finally {
                spimes.forEach(Spime::close);
            }
        }
    }

    /**
     * A ScopeNode that was not told to trust gate A's certification key refuses a report from A's spime, however
     * well formed: A's attestation proves nothing to it. Nothing is stored.
     */
    @Test
    void aScopeNodeThatDoesNotTrustTheSpimesGateRefusesItsReports() throws Exception {
        try (PostgresTestDatabase pg = PostgresTestDatabase.create();
             PeerGate a = PeerGate.prepare("a.test", PeerGate.loopback(2));
             PeerGate b = PeerGate.prepare("b.test", PeerGate.loopback(3))) {
            a.federateWith(b).start();
            b.federateWith(a).start();
            Spime spime = null;
            try (ScopeNode node = ScopeNode.start(ScopeNodeDatabase.on(nodeOn(b), pg))) {
                node.authorization().authorize("*@a.test/spime", "spimes of gate A");
                spime = FederatedSpimes.start(a, "stranger", FederatedSpimes.anchorsOf(a, b), dir);
                List<CompletableFuture<ReportAck>> outcome = spime.report(node.snid(), TestScope.NAME,
                        List.of(Reading.at(java.time.Instant.now(), Value.integer("co2", 420, "ppm"),
                                Value.decimal("temperature", "21.5", "Cel"))));
                ExecutionException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> outcome.get(0).get(60, TimeUnit.SECONDS), ExecutionException.class);
                assertThat(refused).as("the report was refused").isNotNull();
                assertThat(refused.getCause()).isInstanceOf(ReportRejectedException.class);
                assertThat(StoredReadings.rows(pg)).isEmpty();
            } finally {
                if (spime != null) {
                    spime.close();
                }
            }
        }
    }

    private NodeSettings nodeOn(PeerGate b) throws Exception {
        b.register(OsidKind.SCOPENODE, SNID);
        Path nodeDir = Files.createDirectories(dir.resolve("node"));
        return NodeSettings.of(Jid.of(SNID), TestGate.PASSWORD, b.address(), b.c2sPort(), b.gateTrust(),
                        TestScope.write(nodeDir), nodeDir.resolve("data"), NodeFixture.TOKEN)
                .withHttp("127.0.0.1", 0).withKeyBits(2048);
    }
}
