package org.openspime.system.scopenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.crypto.EnvelopeBytes;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.crypto.SessionKeyPolicy;
import org.openspime.client.report.crypto.SigningKey;
import org.openspime.client.report.element.Originator;
import org.openspime.client.report.element.OriginatorSignature;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.Transport;
import org.openspime.client.report.element.Value;
import org.openspime.gate.testing.TestGate;
import org.openspime.scopenode.node.ScopeNode;

/**
 * The report path end to end (docs/protocol-report.md, sections 5.6, 6 and 7): spime -> gate -> ScopeNode ->
 * database, over real XMPP connections. A good report is acknowledged after it is stored, once; each bad one is
 * refused with its own condition, nothing of it is stored, and a bystander spime keeps being served.
 */
@Timeout(120)
class ReportPathTest {

    private static final ReportLimits LIMITS = new ReportLimits(4096, 100, 1_000);

    private static Path dir;
    private static TestGate gate;
    private static ScopeNode node;
    private static TestSpime good;
    private static TestSpime bystander;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("scopenode-path");
        gate = TestGate.start();
        node = ScopeNode.start(NodeFixture.settings(gate, dir).withLimits(LIMITS));
        node.authorization().authorize("*@gate.test/spime", "test");
        good = TestSpime.start(gate, "good@gate.test/spime", node.snid());
        bystander = TestSpime.start(gate, "bystander@gate.test/spime", node.snid());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {good, bystander, node, gate}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @Test
    void aGoodReportIsAcknowledgedAndStoredOnceAndItsResendIsADuplicate() throws Exception {
        Report report = good.report("ok-1", 512, "21.5");
        Answer first = good.send(report);
        assertThat(first.isAck()).as(first.toString()).isTrue();
        assertThat(first.ack().readings()).isEqualTo(1);
        assertThat(first.ack().duplicate()).isFalse();

        Answer again = good.send(report);
        assertThat(again.isAck()).as(again.toString()).isTrue();
        assertThat(again.ack().duplicate()).isTrue();

        assertThat(NodeFixture.readingsOf(node.store(), good.jid).stream().filter(r -> r.reportId().equals("ok-1")))
                .singleElement().satisfies(r -> {
                    assertThat(r.values()).containsEntry("co2", 512L).containsEntry("temperature", 21.5);
                });
        assertThat(node.metrics().readingsStored()).isGreaterThanOrEqualTo(1);

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + node.httpPort();
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics"))
                .header("Authorization", "Bearer " + NodeFixture.TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("openspime_scopenode_readings_stored_total")
                .contains("openspime_scopenode_reports_accepted_total{outcome=\"duplicate\"}");
    }

    @Test
    void anUnauthorizedSenderIsRefusedAndNothingIsStored() throws Exception {
        try (TestSpime intruder = TestSpime.start(gate, "intruder@gate.test/other", node.snid())) {
            refusedAndNothingStored(intruder, intruder.send(intruder.report("u-1", 500, "20.0")),
                    ReportCondition.NOT_AUTHORIZED);
        }
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        try (TestSpime forger = TestSpime.start(gate, "forger@gate.test/spime", node.snid())) {
            KeyPair other = RsaKeys.generate(2048);
            ReportSealer forging = new ReportSealer(forger.jid, Optional.of(new SigningKey(other.getPrivate(),
                    Fingerprint.of(forger.keys.getPublic()))), SessionKeyPolicy.DEFAULT, Clock.systemUTC(),
                    RsaKeys.strongRandom());
            Answer answer = forger.send(forging.sealEncrypted(forger.report("f-1", 500, "20.0"), forger.recipient()));
            refusedAndNothingStored(forger, answer, ReportCondition.BAD_SIGNATURE);
        }
    }

    @Test
    void anUnsignedReportIsRefusedWhereTheScopeRequiresSignatures() throws Exception {
        try (TestSpime unsigned = TestSpime.start(gate, "unsigned@gate.test/spime", node.snid())) {
            Answer answer = unsigned.send(ReportSealer.unsigned(unsigned.jid)
                    .sealEncrypted(unsigned.report("s-1", 500, "20.0"), unsigned.recipient()));
            refusedAndNothingStored(unsigned, answer, ReportCondition.SIGNATURE_REQUIRED);
        }
    }

    @Test
    void aTamperedCiphertextSignedAgainByItsSenderIsRefused() throws Exception {
        try (TestSpime tamperer = TestSpime.start(gate, "tamperer@gate.test/spime", node.snid())) {
            ReportEnvelope sealed = tamperer.seal(tamperer.report("t-1", 500, "20.0"));
            Transport t = sealed.transport();
            byte[] payload = t.payload().clone();
            payload[payload.length / 2] ^= 0x01;
            ReportEnvelope altered = new ReportEnvelope(sealed.id(), sealed.time(),
                    new Originator(tamperer.jid, Optional.empty()),
                    Transport.encrypted(t.recipient(), t.key().orElseThrow(), t.nonce().orElseThrow(), payload));
            Answer answer = tamperer.send(signed(altered, tamperer.keys));
            refusedAndNothingStored(tamperer, answer, ReportCondition.DECRYPTION_FAILED);
        }
    }

    @Test
    void theSameIdWithOtherDataIsAReplayAndTheFirstDataStays() throws Exception {
        assertThat(good.send(good.report("r-1", 450, "19.0")).isAck()).isTrue();
        Answer replay = good.send(good.report("r-1", 999, "30.0"));
        assertThat(replay.condition()).as(replay.toString()).isEqualTo(ReportCondition.REPLAY);
        assertThat(NodeFixture.readingsOf(node.store(), good.jid).stream().filter(r -> r.reportId().equals("r-1")))
                .singleElement().satisfies(r -> assertThat(r.values()).containsEntry("co2", 450L));
        bystanderIsServed();
    }

    @Test
    void aReportForAnotherScopeIsRefused() throws Exception {
        try (TestSpime lost = TestSpime.start(gate, "lost@gate.test/spime", node.snid())) {
            Report report = lost.report("w-1", "noise-levels", Reading.at(java.time.Instant.now(),
                    Value.integer("co2", 500, "ppm")));
            refusedAndNothingStored(lost, lost.send(report), ReportCondition.WRONG_SCOPE);
        }
    }

    @Test
    void aMalformedEnvelopeIsRefused() throws Exception {
        try (TestSpime sloppy = TestSpime.start(gate, "sloppy@gate.test/spime", node.snid())) {
            Answer answer = sloppy.sendIq(new MalformedReportIQ(
                    org.jxmpp.jid.impl.JidCreate.from(NodeFixture.SNID), sloppy.jid.toString()));
            refusedAndNothingStored(sloppy, answer, ReportCondition.MALFORMED_ENVELOPE);
        }
    }

    @Test
    void anOversizedBatchIsRefused() throws Exception {
        try (TestSpime greedy = TestSpime.start(gate, "greedy@gate.test/spime", node.snid())) {
            refusedAndNothingStored(greedy, greedy.send(greedy.batch("o-1", 90)), ReportCondition.OVERSIZED_BATCH);
            Answer small = greedy.send(greedy.batch("o-2", 3));
            assertThat(small.isAck()).as("a batch within the limits: " + small).isTrue();
            assertThat(small.ack().readings()).isEqualTo(3);
        }
    }

    @Test
    void dataOutsideTheScopesFormatIsRefusedNamingTheViolation() throws Exception {
        try (TestSpime faulty = TestSpime.start(gate, "faulty@gate.test/spime", node.snid())) {
            Answer answer = faulty.send(faulty.report("i-1", 20_000, "20.0"));
            refusedAndNothingStored(faulty, answer, ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);
            assertThat(answer.text()).contains("co2").contains("maximum");
        }
    }

    @Test
    void afterAKeyRotationReportsSealedToThePreviousKeyStillOpenAndNewSpimesSeeTheNewKey() throws Exception {
        try (TestSpime early = TestSpime.start(gate, "early@gate.test/spime", node.snid())) {
            Fingerprint before = early.recipient().fingerprint();
            KeyPair next = node.rotateKey();
            Answer answer = early.send(early.report("k-1", 480, "21.0"));
            assertThat(answer.isAck()).as("sealed to the previous key: " + answer).isTrue();
            try (TestSpime late = TestSpime.start(gate, "late@gate.test/spime", node.snid())) {
                assertThat(late.recipient().fingerprint()).isEqualTo(Fingerprint.of(next.getPublic()))
                        .isNotEqualTo(before);
                assertThat(late.send(late.report("k-2", 490, "21.0")).isAck()).isTrue();
            }
        }
    }

    private static void refusedAndNothingStored(TestSpime spime, Answer answer, ReportCondition expected)
            throws Exception {
        assertThat(answer.condition()).as(answer.toString()).isEqualTo(expected);
        assertThat(NodeFixture.readingsOf(node.store(), spime.jid)).as("nothing of " + spime.jid + " stored")
                .isEmpty();
        assertThat(node.metrics().refusedFor(expected)).isGreaterThanOrEqualTo(1);
        bystanderIsServed();
    }

    private static void bystanderIsServed() throws Exception {
        String id = "b-" + System.nanoTime();
        Answer answer = bystander.send(bystander.report(id, 420, "22.0"));
        assertThat(answer.isAck()).as("the bystander is unaffected: " + answer).isTrue();
    }

    /** The envelope signed by {@code keys} over its signed bytes (docs/protocol-report.md, 5.2). */
    private static ReportEnvelope signed(ReportEnvelope envelope, KeyPair keys) throws Exception {
        Fingerprint fp = Fingerprint.of(keys.getPublic());
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keys.getPrivate());
        s.update(EnvelopeBytes.signed(envelope, new OriginatorSignature(fp, new byte[0])));
        Jid jid = envelope.originator().jid();
        return new ReportEnvelope(envelope.id(), envelope.time(),
                new Originator(jid, Optional.of(new OriginatorSignature(fp, s.sign()))), envelope.transport());
    }
}
