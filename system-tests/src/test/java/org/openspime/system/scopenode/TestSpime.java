package org.openspime.system.scopenode;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.certification.CertificationManager;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.connection.GateConnection;
import org.openspime.client.connection.GateTrust;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.crypto.Recipient;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportError;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Value;
import org.openspime.client.report.xmpp.ReportAckIQ;
import org.openspime.client.report.xmpp.ReportIQ;
import org.openspime.client.report.xmpp.ReportProviders;
import org.openspime.client.report.xmpp.ReportStanzaErrors;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;

/**
 * A spime as the SDK will make one, built from its parts: logged in over STARTTLS, its key published and
 * attested, reports sealed with {@link ReportSealer} (signed, encrypted to the ScopeNode's certified key) and
 * sent as {@link ReportIQ}s directly, without the outbox of the SDK.
 */
final class TestSpime implements AutoCloseable {

    final Jid jid;
    final KeyPair keys;
    final GateConnection connection;
    final ReportSealer sealer;
    private final Jid snid;
    private final TrustAnchors anchors;
    private Recipient recipient;

    private TestSpime(Jid jid, KeyPair keys, GateConnection connection, Jid snid, TrustAnchors anchors) {
        this.jid = jid;
        this.keys = keys;
        this.connection = connection;
        this.sealer = ReportSealer.signing(jid, keys);
        this.snid = snid;
        this.anchors = anchors;
    }

    /** Registers {@code jid} at the gate, logs in, and publishes a fresh RSA-2048 key. */
    static TestSpime start(TestGate gate, String jid, Jid snid) throws Exception {
        ReportProviders.register();
        gate.register(OsidKind.SPIME, jid);
        GateConnection c = GateConnection.open(ConnectionSettings.of(Jid.of(jid), TestGate.PASSWORD,
                GateTrust.using(gate.trust(), "test gate"), "127.0.0.1", gate.port())
                .withReplyTimeout(Duration.ofSeconds(5)));
        return on(c, gate.gate().certification().trustAnchors(), snid);
    }

    /** A spime over an open connection: publishes a fresh RSA-2048 key for it. */
    static TestSpime on(GateConnection c, TrustAnchors anchors, Jid snid) throws Exception {
        ReportProviders.register();
        KeyPair keys = RsaKeys.generate(2048);
        CertificationManager.getInstanceFor(c.xmpp()).publish(keys.getPublic(), Duration.ofDays(30));
        return new TestSpime(Jid.of(String.valueOf(c.xmpp().getUser())), keys, c, snid, anchors);
    }

    /** The ScopeNode's current certified key, as a spime learns it: from certification, verified. */
    Recipient recipient() throws Exception {
        if (recipient == null) {
            recipient = Recipient.of(CertificationManager.getInstanceFor(connection.xmpp())
                    .newVerifier(anchors, Duration.ofMinutes(10), java.time.Clock.systemUTC()).currentKey(snid));
        }
        return recipient;
    }

    Report report(String id, long co2, String temperature) {
        return report(id, TestScope.NAME, Reading.at(Instant.now(), Value.integer("co2", co2, "ppm"),
                Value.decimal("temperature", temperature, "Cel")));
    }

    Report report(String id, String scope, Reading... readings) {
        return new Report(ReportId.of(id), jid, scope, List.of(readings));
    }

    /** A report of {@code n} readings, one a second. */
    Report batch(String id, int n) {
        List<Reading> readings = new ArrayList<>();
        Instant t = Instant.now().minusSeconds(n);
        for (int i = 0; i < n; i++) {
            readings.add(Reading.at(t.plusSeconds(i), Value.integer("co2", 400 + i, "ppm"),
                    Value.decimal("temperature", "21.5", "Cel")));
        }
        return new Report(ReportId.of(id), jid, TestScope.NAME, readings);
    }

    ReportEnvelope seal(Report report) throws Exception {
        return sealer.sealEncrypted(report, recipient());
    }

    /** Seals and sends; on no-key-available the session is dropped, so the next send reseals with a new one. */
    Answer send(Report report) throws Exception {
        ReportEnvelope envelope = seal(report);
        Answer answer = send(envelope);
        if (answer.condition() == ReportCondition.NO_KEY_AVAILABLE) {
            sealer.keyRefused(snid);
        }
        return answer;
    }

    Answer send(ReportEnvelope envelope) throws InterruptedException {
        Answer answer = sendIq(ReportIQ.to(org.jxmpp.jid.impl.JidCreate.fromOrThrowUnchecked(snid.toString()),
                envelope));
        if (answer.isAck()) {
            sealer.acknowledged(envelope);
        }
        return answer;
    }

    Answer sendIq(IQ iq) throws InterruptedException {
        try {
            IQ result = connection.xmpp().sendIqRequestAndWaitForResponse(iq);
            return Answer.acked(((ReportAckIQ) result).ack());
        } catch (XMPPException.XMPPErrorException e) {
            Optional<ReportError> error = ReportStanzaErrors.read(e.getStanzaError());
            return error.map(r -> Answer.refused(r.condition(), r.text().orElse("")))
                    .orElseGet(() -> Answer.undelivered(String.valueOf(e.getStanzaError().getCondition())));
        } catch (SmackException | org.openspime.client.report.MalformedReportException e) {
            return Answer.undelivered(e.toString());
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
