package org.openspime.system.spime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.client.outbox.Outbox;
import org.openspime.client.outbox.OutboxLimits;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.reporting.ReportRejectedException;
import org.openspime.client.spime.Spime;
import org.openspime.system.spime.ScopeNodePeer.Answer;
import org.openspime.system.spime.ScopeNodePeer.Received;

/**
 * Reporting through a real gate to a ScopeNode peer built from the real pieces ({@link ScopeNodePeer}): the spime's
 * outbox, retries and reseals against what a ScopeNode answers (docs/protocol-report.md sections 6 and 7).
 */
@Timeout(60)
class SpimeReportingTest {

    @TempDir
    static Path dir;
    static SpimeNetwork network;
    static ScopeNodePeer scopeNode;

    @BeforeAll
    static void start() throws Exception {
        network = new SpimeNetwork(dir);
        scopeNode = network.scopeNode("co2node@gate.test/co2", Readings.SCOPE);
    }

    @AfterAll
    static void stop() throws Exception {
        network.close();
    }

    private static List<String> idsReceivedFrom(Spime spime) {
        return scopeNode.received().stream().filter(r -> r.sender().equals(spime.osid())).map(Received::id).toList();
    }

    @Test
    void anEncryptedSignedReportIsAcknowledgedAndLeavesTheOutbox() throws Exception {
        Spime spime = network.spime("acked@gate.test/spime");

        ReportAck ack = spime.report(scopeNode.snid(), Readings.SCOPE, Readings.co2(415)).get(0).get(10, TimeUnit.SECONDS);

        assertThat(ack.duplicate()).isFalse();
        assertThat(ack.readings()).isEqualTo(1);
        assertThat(ack.id().value()).matches("[0-9a-f]{32}");
        assertThat(spime.reporter().outbox().size()).isZero();
        assertThat(scopeNode.received()).filteredOn(r -> r.id().equals(ack.id().value())).singleElement()
                .satisfies(r -> assertThat(r.encrypted()).isTrue());
    }

    @Test
    void temporarilyUnavailableAndALostConnectionAreRetriedWithTheSameReportId() throws Exception {
        Spime spime = network.spime("retrying@gate.test/spime");
        scopeNode.then(ReportCondition.TEMPORARILY_UNAVAILABLE).then(ReportCondition.TEMPORARILY_UNAVAILABLE).then(Answer.DROP_CONNECTION);

        CompletableFuture<ReportAck> outcome = spime.report(scopeNode.snid(), Readings.SCOPE, Readings.co2(420)).get(0);
        while (scopeNode.received().stream().filter(r -> r.sender().equals(spime.osid())).count() < 3) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // the ScopeNode is away; the spime keeps the report and retries into the void
        assertThat(outcome).isNotDone();
        assertThat(spime.reporter().outbox().size()).isEqualTo(1);
        scopeNode.start();

        ReportAck ack = outcome.get(20, TimeUnit.SECONDS);
        List<String> ids = idsReceivedFrom(spime);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(4).containsOnly(ack.id().value());
        assertThat(spime.reporter().outbox().size()).isZero();
        assertThat(scopeNode.stored()).containsKey(spime.osid() + " " + ack.id());
    }

    @Test
    void noKeyAvailableAfterAScopeNodeRestartIsResealedUnderANewSessionWithTheSameId() throws Exception {
        Spime spime = network.spime("resealing@gate.test/spime");
        spime.report(scopeNode.snid(), Readings.SCOPE, Readings.co2(400)).get(0).get(10, TimeUnit.SECONDS); // session established
        scopeNode.forgetTransportKeys();

        ReportAck ack = spime.report(scopeNode.snid(), Readings.SCOPE, Readings.co2(401)).get(0).get(10, TimeUnit.SECONDS);

        List<Received> second = scopeNode.received().stream().filter(r -> r.id().equals(ack.id().value())).toList();
        assertThat(second).hasSize(2);
        assertThat(second.get(0).wrappedKeys()).as("a key reference the restarted ScopeNode does not know").isZero();
        assertThat(second.get(1).wrappedKeys()).as("resealed with a newly wrapped key").isEqualTo(1);
        assertThat(spime.reporter().outbox().size()).isZero();
    }

    @Test
    void aRefusedReportLandsInRejectedWithItsCondition() throws Exception {
        Spime spime = network.spime("refused@gate.test/spime");
        scopeNode.then(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);

        CompletableFuture<ReportAck> outcome = spime.report(scopeNode.snid(), Readings.SCOPE, Readings.co2(99_999)).get(0);

        assertThatThrownBy(() -> outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
                    assertThat(e.condition()).isEqualTo(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);
                    assertThat(e.snid()).isEqualTo(scopeNode.snid());
                });
        assertThat(spime.reporter().outbox().size()).isZero();
        assertThat(spime.reporter().outbox().rejected()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("inconsistent-data-with-scope"));
    }

    @Test
    void reportsPendingWhenTheSpimeCrashedAreSentAfterItsNextLogin() throws Exception {
        String osid = "crashing@gate.test/spime";
        Spime before = network.spime(osid);
        scopeNode.stop();
        List<CompletableFuture<ReportAck>> lost = List.of(
                before.report(scopeNode.snid(), Readings.SCOPE, Readings.co2(410)).get(0),
                before.report(scopeNode.snid(), Readings.SCOPE, Readings.co2(411)).get(0));
        Thread.sleep(300);
        List<String> pending = before.reporter().outbox().pending().stream().map(p -> p.id().value()).toList();
        assertThat(pending).hasSize(2);
        before.close(); // the process dies: nothing drained, nothing acknowledged
        assertThat(lost).allMatch(CompletableFuture::isCompletedExceptionally);
        scopeNode.start();

        Spime after = network.closeLater(Spime.start(network.config(osid)));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (after.reporter().outbox().size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Outbox.open(network.config(osid).outboxDir(), OutboxLimits.DEFAULT).size()).isZero();
        assertThat(scopeNode.stored().keySet()).contains(osid + " " + pending.get(0), osid + " " + pending.get(1));
    }
}
