package org.openspime.scopenode.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.SenderKeyUnavailableException;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.crypto.Recipient;
import org.openspime.client.report.crypto.RecipientKeys;
import org.openspime.client.report.crypto.ReportOpener;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.crypto.ScopeRequirements;
import org.openspime.client.report.crypto.SessionKeyPolicy;
import org.openspime.client.report.crypto.SigningKey;
import org.openspime.client.report.crypto.TransportKeyCache;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Value;
import org.openspime.scopenode.ingest.IngestQueue;
import org.openspime.scopenode.ingest.IngestSettings;
import org.openspime.scopenode.scope.Scope;
import org.openspime.scopenode.storage.JdbcReadingStore;
import org.openspime.scopenode.testing.Readings;
import org.openspime.scopenode.testing.TestDatabase;

/**
 * The intake without XMPP, on real keys, a real sealer and opener, and a real (H2) store: what is acknowledged is
 * stored, and the refusals the intake itself decides (beyond the opener's) carry their conditions.
 */
class ReportIntakeTest {

    private static final Jid SNID = Jid.of("node@gate.example/co2");
    private static final Jid SPIME = Jid.of("s@gate.example/spime");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private TestDatabase db;
    private IngestQueue ingest;
    private ReportIntake intake;
    private KeyPair nodeKeys;
    private KeyPair spimeKeys;
    private IntakeMetrics metrics;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.open(TestDatabase.Kind.H2, dir);
        JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
        ingest = new IngestQueue(store, IngestSettings.DEFAULTS);
        nodeKeys = RsaKeys.generate(2048);
        spimeKeys = RsaKeys.generate(2048);
        Scope scope = new Scope("co2-classrooms", "", Scope.Visibility.PRIVATE, Readings.format(), false, false);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReportOpener opener = new ReportOpener(SNID, new ScopeRequirements(scope.name(), true, true,
                ReportLimits.DEFAULT), RecipientKeys.of(nodeKeys), (sender, fingerprint, at) -> {
                    if (sender.equals(SPIME) && fingerprint.equals(Fingerprint.of(spimeKeys.getPublic()))) {
                        return (RSAPublicKey) spimeKeys.getPublic();
                    }
                    throw new SenderKeyUnavailableException("no key " + fingerprint + " of " + sender, null);
                }, new TransportKeyCache(), clock);
        metrics = new IntakeMetrics(new SimpleMeterRegistry());
        intake = new ReportIntake(scope, id -> id.endsWith("/spime"), new ReportLimits(4096, 50, 500), () -> opener,
                ingest, Duration.ofSeconds(1), Duration.ofSeconds(5), metrics, Duration.ofDays(30), clock);
    }

    @AfterEach
    void stop() {
        ingest.close();
        db.close();
    }

    @Test
    void anAcceptedReportIsAcknowledgedWithItsReadingCountAfterItsCommit() {
        ReportAck ack = intake.take(sealer(NOW).sealEncrypted(report("r-1", "ppm"), recipient()), SPIME).join();
        assertThat(ack.readings()).isEqualTo(1);
        assertThat(ack.duplicate()).isFalse();
        assertThat(ingest.reportsCommitted()).isEqualTo(1);
        assertThat(metrics.readingsStored()).isEqualTo(1);
    }

    @Test
    void aReportSealedBeforeTheIdsWouldBeForgottenIsAReplay() {
        refused(sealer(NOW.minus(Duration.ofDays(31))).sealEncrypted(report("old-1", "ppm"), recipient()),
                ReportCondition.REPLAY);
        assertThat(ingest.reportsCommitted()).isZero();
    }

    @Test
    void aUnitOtherThanTheDeclaredOneIsInconsistentWithTheScope() {
        Throwable refusal = refused(sealer(NOW).sealEncrypted(report("u-1", "mg/m3"), recipient()),
                ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);
        assertThat(refusal).hasMessageContaining("unit 'mg/m3'").hasMessageContaining("'ppm'");
    }

    @Test
    void aPayloadOverTheLimitIsRefusedBeforeItIsOpened() {
        Reading[] many = new Reading[60];
        for (int i = 0; i < many.length; i++) {
            many[i] = Reading.at(NOW.minusSeconds(i), Value.integer("co2", 400 + i, "ppm"));
        }
        Report big = new Report(ReportId.of("big-1"), SPIME, "co2-classrooms", List.of(many));
        refused(sealer(NOW).sealEncrypted(big, recipient()), ReportCondition.OVERSIZED_BATCH);
        assertThat(metrics.refusedFor(ReportCondition.OVERSIZED_BATCH)).isEqualTo(1);
    }

    @Test
    void anUnauthorizedSenderIsRefusedBeforeAnythingElse() {
        Jid other = Jid.of("s@gate.example/elsewhere");
        refused(ReportSealer.unsigned(other).sealEncrypted(new Report(ReportId.of("x-1"), other, "co2-classrooms",
                List.of(Reading.at(NOW, Value.integer("co2", 500, "ppm")))), recipient()), ReportCondition.NOT_AUTHORIZED,
                other);
    }

    private Throwable refused(org.openspime.client.report.element.ReportEnvelope envelope, ReportCondition condition) {
        return refused(envelope, condition, SPIME);
    }

    private Throwable refused(org.openspime.client.report.element.ReportEnvelope envelope, ReportCondition condition,
                              Jid sender) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> intake.take(envelope, sender).join()).isInstanceOf(CompletionException.class)
                .satisfies(e -> caught[0] = e.getCause())
                .cause().isInstanceOfSatisfying(ReportRefusal.class, r -> assertThat(r.condition()).isEqualTo(condition));
        return caught[0];
    }

    private ReportSealer sealer(Instant at) {
        return new ReportSealer(SPIME, Optional.of(SigningKey.of(spimeKeys)), SessionKeyPolicy.DEFAULT,
                Clock.fixed(at, ZoneOffset.UTC), RsaKeys.strongRandom());
    }

    private Recipient recipient() {
        return Recipient.of(SNID, (RSAPublicKey) nodeKeys.getPublic());
    }

    private static Report report(String id, String unit) {
        return new Report(ReportId.of(id), SPIME, "co2-classrooms", List.of(Reading.at(NOW.minusSeconds(5),
                Value.integer("co2", 500, unit))));
    }
}
