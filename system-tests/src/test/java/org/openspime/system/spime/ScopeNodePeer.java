package org.openspime.system.spime;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.certification.CertificationManager;
import org.openspime.client.connection.GateConnection;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.crypto.OpenedReport;
import org.openspime.client.report.crypto.RecipientKeys;
import org.openspime.client.report.crypto.ReportOpener;
import org.openspime.client.report.crypto.ScopeRequirements;
import org.openspime.client.report.crypto.SenderKeys;
import org.openspime.client.report.crypto.TransportKeyCache;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.xmpp.ReportAckIQ;
import org.openspime.client.report.xmpp.ReportIQ;
import org.openspime.client.report.xmpp.ReportProviders;
import org.openspime.client.report.xmpp.ReportStanzaErrors;

/**
 * A ScopeNode built in the test from the real pieces (the real daemon is written elsewhere): logged in with its SNID,
 * its key published, every report opened with the {@link ReportOpener} against the senders' certified keys, and
 * "stored" in memory keyed by (SpimeID, report id) with duplicate detection as the protocol says. What it answers
 * after opening is scripted: ack (the default), refuse with a condition, or drop its connection without answering.
 */
final class ScopeNodePeer implements AutoCloseable {

    enum Answer { ACK, DROP_CONNECTION }

    record Received(Jid sender, String id, boolean encrypted, int wrappedKeys) {
    }

    private final SpimeNetwork network;
    private final Jid snid;
    private final String scope;
    private final KeyPair keys;
    private final Deque<Object> script = new ArrayDeque<>();
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile TransportKeyCache cache = new TransportKeyCache();
    private volatile GateConnection connection;
    private volatile ReportOpener opener;
    private volatile SenderKeys senderKeys;

    ScopeNodePeer(SpimeNetwork network, Jid snid, String scope) throws Exception {
        this.network = network;
        this.snid = snid;
        this.scope = scope;
        this.keys = RsaKeys.generate(2048);
        ReportProviders.register();
        start();
        CertificationManager.getInstanceFor(connection.xmpp()).publish(keys.getPublic(), Duration.ofDays(30));
    }

    /** Logs in (again) and answers reports; the transport keys it held are kept unless {@link #forgetTransportKeys}. */
    void start() throws Exception {
        connection = GateConnection.open(network.settings(snid.toString()));
        senderKeys = SenderKeys.of(CertificationManager.getInstanceFor(connection.xmpp())
                .newVerifier(network.gate.gate().certification().trustAnchors(), Duration.ofMinutes(10), Clock.systemUTC()));
        opener = newOpener();
        connection.xmpp().registerIQRequestHandler(new AbstractIqRequestHandler(ReportIQ.ELEMENT, ReportIQ.NAMESPACE, IQ.Type.set,
                IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                return answer((ReportIQ) request);
            }
        });
    }

    /** Goes off line (as a crashed or restarting ScopeNode would). */
    void stop() {
        connection.close();
    }

    /** A restarted ScopeNode has lost its in-memory transport keys: the next key reference gets no-key-available. */
    void forgetTransportKeys() {
        cache = new TransportKeyCache();
        opener = newOpener();
    }

    /** Signed reports required, plain ones accepted (the tests send both). */
    private ReportOpener newOpener() {
        return new ReportOpener(snid, new ScopeRequirements(scope, true, false, ReportLimits.DEFAULT), RecipientKeys.of(keys), senderKeys,
                cache, Clock.systemUTC());
    }

    synchronized ScopeNodePeer then(Object answer) {
        script.add(answer);
        return this;
    }

    Jid snid() {
        return snid;
    }

    List<Received> received() {
        return received;
    }

    Map<String, String> stored() {
        return stored;
    }

    private IQ answer(ReportIQ request) {
        Jid from = Jid.of(String.valueOf(request.getFrom()));
        OpenedReport opened;
        try {
            var envelope = request.envelope();
            received.add(new Received(from, envelope.id().value(), envelope.encrypted(),
                    envelope.transport().key().flatMap(k -> k.wrapped()).isPresent() ? 1 : 0));
            opened = opener.open(envelope, from);
        } catch (ReportRefusedException e) {
            return IQ.createErrorResponse(request, ReportStanzaErrors.of(e));
        }
        Object next;
        synchronized (this) {
            next = script.poll();
        }
        if (next instanceof ReportCondition c) {
            return IQ.createErrorResponse(request, ReportStanzaErrors.of(c, "scripted " + c.element() + " for " + opened.report().id()));
        }
        if (next == Answer.DROP_CONNECTION) {
            connection.close();
            return null;
        }
        String key = from + " " + opened.report().id();
        String previous = stored.putIfAbsent(key, opened.dataDigestHex());
        if (previous != null && !previous.equals(opened.dataDigestHex())) {
            return IQ.createErrorResponse(request, ReportStanzaErrors.of(ReportCondition.REPLAY, "other content under " + key));
        }
        return ReportAckIQ.answering(request, new ReportAck(opened.report().id(), opened.report().readings().size(), previous != null));
    }

    @Override
    public void close() {
        connection.close();
    }
}
