package org.openspime.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.client.report.Fixtures.SCOPENODE_KEYS;
import static org.openspime.client.report.Fixtures.SNID;
import static org.openspime.client.report.Fixtures.SPIME;
import static org.openspime.client.report.Fixtures.SPIME_KEYS;

import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.client.outbox.Outbox;
import org.openspime.client.outbox.OutboxLimits;
import org.openspime.client.outbox.PendingReport;
import org.openspime.client.report.Fixtures;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.crypto.Recipient;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportEnvelope;

class ReporterTest {

    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50));

    @TempDir
    Path dir;

    private final ScriptedChannel channel = new ScriptedChannel();
    private final AtomicInteger forgotten = new AtomicInteger();
    private final RecipientLookup recipients = new RecipientLookup() {
        @Override
        public Recipient recipient(Jid snid) {
            return Recipient.of(snid, (RSAPublicKey) SCOPENODE_KEYS.getPublic());
        }

        @Override
        public void forget(Jid snid) {
            forgotten.incrementAndGet();
        }
    };
    private Reporter reporter;
    private Outbox outbox;

    private Reporter reporter() throws Exception {
        outbox = Outbox.open(dir, OutboxLimits.DEFAULT);
        reporter = new Reporter(SPIME, ReportSealer.signing(SPIME, SPIME_KEYS), recipients, channel, outbox, FAST, Clock.systemUTC());
        return reporter;
    }

    @AfterEach
    void close() {
        if (reporter != null) {
            reporter.close();
        }
    }

    private Report report() {
        return new Report(reporter.newId(), SPIME, Fixtures.SCOPE, Fixtures.co2Report("x").readings());
    }

    @Test
    void waitRefusalsAndLostAnswersResendTheSameBytesUntilTheAckEmptiesTheOutbox() throws Exception {
        reporter();
        channel.refuse(ReportCondition.TEMPORARILY_UNAVAILABLE).loseAnswer().refuse(ReportCondition.TEMPORARILY_UNAVAILABLE);

        ReportAck ack = reporter.report(SNID, report()).get(5, TimeUnit.SECONDS);

        List<ReportEnvelope> sent = channel.sent();
        assertThat(sent).hasSize(4);
        assertThat(sent).extracting(EnvelopeCodec::toXml).containsOnly(EnvelopeCodec.toXml(sent.get(0)));
        assertThat(ack.id()).isEqualTo(sent.get(0).id());
        assertThat(outbox.size()).isZero();
    }

    @Test
    void noKeyAvailableResealsTheSameReportUnderANewSessionAndSendsItAgain() throws Exception {
        reporter();
        channel.refuse(ReportCondition.NO_KEY_AVAILABLE);

        Report report = report();
        reporter.report(SNID, report).get(5, TimeUnit.SECONDS);

        List<ReportEnvelope> sent = channel.sent();
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(ReportEnvelope::id).containsOnly(report.id());
        assertThat(sent.get(1).transport().key().orElseThrow().keyId()).isNotEqualTo(sent.get(0).transport().key().orElseThrow().keyId());
        assertThat(sent.get(1).transport().key().orElseThrow().wrapped()).isPresent();
        assertThat(forgotten).hasValue(1);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void reportsPendingAcrossAScopeNodeRestartAreResealedUnderOneNewSessionNotOneEach() throws Exception {
        reporter();
        channel.ready(false);
        List<CompletableFuture<ReportAck>> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(reporter.report(SNID, report()));
        }
        for (int i = 0; i < 5; i++) {
            channel.refuse(ReportCondition.NO_KEY_AVAILABLE); // the restarted ScopeNode knows none of their keys
        }
        channel.ready(true);
        reporter.resendPending();

        for (CompletableFuture<ReportAck> outcome : outcomes) {
            outcome.get(5, TimeUnit.SECONDS);
        }
        List<ReportEnvelope> sent = channel.sent();
        assertThat(sent).hasSize(10);
        assertThat(sent.subList(5, 10)).extracting(e -> e.transport().key().orElseThrow().keyId())
                .as("resealed under one new session").containsOnly(sent.get(5).transport().key().orElseThrow().keyId())
                .doesNotContain(sent.get(0).transport().key().orElseThrow().keyId());
        assertThat(forgotten).as("the ScopeNode's key looked up afresh once").hasValue(1);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aRefusalForGoodMovesTheReportToRejectedAndFailsWithItsCondition() throws Exception {
        reporter();
        channel.refuse(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);

        Report report = report();
        CompletableFuture<ReportAck> outcome = reporter.report(SNID, report);

        assertThatThrownBy(() -> outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ReportRejectedException.class, e -> {
                    assertThat(e.condition()).isEqualTo(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);
                    assertThat(e.id()).isEqualTo(report.id());
                    assertThat(e.text()).contains("scripted inconsistent-data-with-scope");
                });
        assertThat(channel.sent()).hasSize(1);
        assertThat(outbox.size()).isZero();
        assertThat(outbox.rejected()).singleElement().satisfies(r -> {
            assertThat(r.report().id()).isEqualTo(report.id());
            assertThat(r.reason()).startsWith("inconsistent-data-with-scope");
        });
    }

    @Test
    void whileLoggedOutNothingIsSentAndTheNextLoginSendsItAll() throws Exception {
        reporter();
        channel.ready(false);
        CompletableFuture<ReportAck> first = reporter.report(SNID, report());
        Thread.sleep(100);
        assertThat(channel.sent()).isEmpty();
        assertThat(outbox.size()).isEqualTo(1);

        channel.ready(true);
        reporter.resendPending();

        first.get(5, TimeUnit.SECONDS);
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void reportsLeftByAPreviousRunAreResentOldestFirstAfterLogin() throws Exception {
        Outbox earlier = Outbox.open(dir, OutboxLimits.DEFAULT);
        ReportSealer sealer = ReportSealer.signing(SPIME, SPIME_KEYS);
        Report older = Fixtures.co2Report("00000000000100000000000000000001");
        Report newer = Fixtures.co2Report("00000000000200000000000000000002");
        earlier.add(PendingReport.queued(newer, SNID, sealer.sealPlain(newer, SNID), Instant.now()));
        earlier.add(PendingReport.queued(older, SNID, sealer.sealPlain(older, SNID), Instant.now().minusSeconds(60)));

        reporter(); // the "restarted" process, same directory
        reporter.resendPending();

        // both may be acknowledged (and their futures let go) before a future could be looked up: wait on the outbox
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (outbox.size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(channel.sent()).extracting(ReportEnvelope::id).containsExactly(older.id(), newer.id());
        assertThat(outbox.size()).isZero();
    }

    @Test
    void closingLeavesPendingReportsInTheOutbox() throws Exception {
        reporter();
        channel.ready(false);
        CompletableFuture<ReportAck> outcome = reporter.report(SNID, report());
        reporter.close();

        assertThatThrownBy(() -> outcome.get(1, TimeUnit.SECONDS)).cause().isInstanceOf(ReporterClosedException.class);
        assertThat(Outbox.open(dir, OutboxLimits.DEFAULT).size()).isEqualTo(1);
    }
}
