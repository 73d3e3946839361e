package org.openspime.client.spime;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.certification.CertificationManager;
import org.openspime.client.certification.CertificationUnavailableException;
import org.openspime.client.connection.GateConnection;
import org.openspime.client.outbox.Outbox;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.crypto.RecipientKeys;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.reporting.Batches;
import org.openspime.client.reporting.RecipientLookup;
import org.openspime.client.reporting.Reporter;
import org.openspime.client.reporting.XmppReportChannel;
import org.openspime.client.talk.TalkManager;
import org.openspime.client.talk.crypto.TalkOpener;
import org.openspime.client.talk.crypto.TalkSealer;

/**
 * One spime at work: logged in with its SpimeID, its key pair loaded, a certification client with a verifier trusting
 * the configured gates, a {@link Reporter} with its durable outbox (whatever it holds is resent after every login,
 * so reports left by a previous run go out first), and a {@link TalkManager}.
 *
 * <pre>{@code
 * try (Spime spime = Spime.start(config)) {
 *     spime.publishKey();
 *     spime.report(snid, "co2-monitoring", List.of(Reading.at(Instant.now(), Value.decimal("co2", "415.2", "ppm"))))
 *          .forEach(CompletableFuture::join);
 * }
 * }</pre>
 */
public final class Spime implements AutoCloseable {

    /** Reports sized to travel through a gate with the default stanza limit. */
    static final ReportLimits BATCH_LIMITS = ReportLimits.fittingStanzasOf(ReportLimits.GATE_DEFAULT_STANZA_BYTES);

    private final GateConnection connection;
    private final KeyPair keys;
    private final SpimeOptions options;
    private final CertificationManager certification;
    private final KeyVerifier verifier;
    private final Reporter reporter;
    private final TalkManager talk;

    private Spime(GateConnection connection, KeyPair keys, Outbox outbox, SpimeOptions options, Clock clock) {
        this.connection = connection;
        this.keys = keys;
        this.options = options;
        Jid osid = connection.osid();
        certification = CertificationManager.getInstanceFor(connection.xmpp());
        options.certificationService().ifPresent(s -> certification.setService(JidCreate.fromOrThrowUnchecked(s.toString())));
        verifier = certification.newVerifier(options.anchors(), options.keyCacheTimeToLive(), clock);
        ReportSealer sealer = options.signed() ? ReportSealer.signing(osid, keys) : ReportSealer.unsigned(osid);
        reporter = new Reporter(osid, sealer, RecipientLookup.of(verifier), new XmppReportChannel(connection.xmpp()), outbox,
                options.retry(), clock);
        talk = new TalkManager(connection.xmpp(), new TalkSealer(osid, keys, clock, RsaKeys.strongRandom()),
                new TalkOpener(osid, RecipientKeys.of(keys), verifier, options.talk(), clock), verifier);
        connection.onAuthenticated(c -> reporter.resendPending());
    }

    /** Loads the key pair, opens the outbox, logs in; pending reports from earlier runs are resent at once. */
    public static Spime start(SpimeConfig config) throws IOException, SmackException, XMPPException, InterruptedException {
        KeyPair keys = SpimeKeys.load(config.keyStore(), config.keyStorePassword(), config.keyAlias());
        return start(config.connection(), keys, config.outboxDir(), config.options());
    }

    /** A spime whose key pair the caller holds (a bridge keeps many in one store). */
    public static Spime start(org.openspime.client.connection.ConnectionSettings settings, KeyPair keys, Path outboxDir, SpimeOptions options)
            throws IOException, SmackException, XMPPException, InterruptedException {
        Outbox outbox = Outbox.open(outboxDir, options.outboxLimits());
        GateConnection connection = GateConnection.open(settings);
        try {
            return new Spime(connection, keys, outbox, options, Clock.systemUTC());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public Jid osid() {
        return connection.osid();
    }

    /** Publishes (or renews) this spime's public key with the gate's certification service. */
    public KeyRecord publishKey() throws CertificationException, CertificationUnavailableException, InterruptedException {
        return certification.publish(keys.getPublic(), options.keyLife());
    }

    /**
     * Reports {@code readings} to {@code snid}, batched into as few reports as fit the gate's stanza limit (the one
     * it advertised, else the default; {@link ReportLimits#fittingStanzasOf}: a larger stanza would end the
     * connection and never be delivered),
     * signed and encrypted; one future per report.
     */
    public List<CompletableFuture<ReportAck>> report(Jid snid, String scope, List<Reading> readings) {
        return report(snid, scope, readings, true);
    }

    /** As {@link #report(Jid, String, List)}, encrypted or plain (only for scopes that accept plain reports). */
    public List<CompletableFuture<ReportAck>> report(Jid snid, String scope, List<Reading> readings, boolean encrypted) {
        List<CompletableFuture<ReportAck>> outcomes = new ArrayList<>();
        for (Report report : Batches.of(osid(), scope, readings, batchLimits(), reporter::newId)) {
            outcomes.add(encrypted ? reporter.report(snid, report) : reporter.reportPlain(snid, report));
        }
        return outcomes;
    }

    /**
     * Report sizes that fit the gate's stanza limit: the one it advertised (XEP-0478) when smaller than the default,
     * else the default's. A gate that accepts less than one report's envelope makes {@link #report} fail at once.
     */
    ReportLimits batchLimits() {
        java.util.OptionalInt advertised = connection.maxStanzaBytes();
        if (advertised.isEmpty() || advertised.getAsInt() >= ReportLimits.GATE_DEFAULT_STANZA_BYTES) {
            return BATCH_LIMITS;
        }
        return ReportLimits.fittingStanzasOf(advertised.getAsInt());
    }

    public Reporter reporter() {
        return reporter;
    }

    public TalkManager talk() {
        return talk;
    }

    public CertificationManager certification() {
        return certification;
    }

    public KeyVerifier verifier() {
        return verifier;
    }

    public GateConnection connection() {
        return connection;
    }

    public KeyPair keys() {
        return keys;
    }

    /** Stops reporting and talking and logs out; pending reports stay in the outbox for the next start. */
    @Override
    public void close() {
        reporter.close();
        talk.close();
        certification.detach(verifier);
        connection.close();
    }
}
