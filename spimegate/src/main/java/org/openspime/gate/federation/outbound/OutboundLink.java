package org.openspime.gate.federation.outbound;

import java.util.ArrayDeque;
import java.util.List;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.federation.dialback.DialbackKey;
import org.openspime.gate.federation.stream.S2sConnection;
import org.openspime.gate.federation.stream.S2sXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's stanza-carrying stream to one peer domain. While the stream is set up (connect, TLS, dialback),
 * stanzas wait here in order; when the peer accepts the dialback key they go out in that order, and later ones
 * go straight to the connection. If the set-up fails every waiting stanza goes back to its sender with the
 * failure's condition. A link is used once: when it ends, the relay makes a new one for the next stanza.
 */
final class OutboundLink implements StreamPurpose {
    private static final Logger log = LoggerFactory.getLogger(OutboundLink.class);
    /** Stanzas held while a stream is being set up; beyond this the sender gets an error at once. */
    static final int MAX_WAITING = 10_000;

    /** Told when a link ends, with what it still held. */
    interface Owner {
        void bounce(Stanza stanza, String condition, String reason);

        void ended(OutboundLink link);

        void sent();
    }

    private enum State { SETTING_UP, ESTABLISHED, ENDED }

    private final String from;
    private final String domain;
    private final DialbackKey keys;
    private final boolean saslExternal;
    private final Owner owner;
    private final long createdNanos = System.nanoTime();
    /** Guarded by this. */
    private State state = State.SETTING_UP;
    /** Guarded by this. */
    private final ArrayDeque<Stanza> waiting = new ArrayDeque<>();
    /** Guarded by this. */
    private S2sConnection connection;

    OutboundLink(String from, String domain, DialbackKey keys, boolean saslExternal, Owner owner) {
        this.from = from;
        this.domain = domain;
        this.keys = keys;
        this.saslExternal = saslExternal;
        this.owner = owner;
    }

    String domain() {
        return domain;
    }

    /** The local domain this link's stream is authenticated as: the gate's own, or one of its components'. */
    String from() {
        return from;
    }

    /**
     * Takes a stanza for the peer. False if this link has ended or its connection will take no more; the caller
     * then tries a new link.
     */
    boolean offer(Stanza stanza) {
        synchronized (this) {
            switch (state) {
                case SETTING_UP -> {
                    if (waiting.size() >= MAX_WAITING) {
                        owner.bounce(stanza, "resource-constraint", "too many stanzas waiting for the s2s stream to "
                                + domain);
                    } else {
                        waiting.add(stanza);
                    }
                    return true;
                }
                case ESTABLISHED -> {
                    if (connection.sendStanza(stanza, S2sXml.outbound(stanza))) {
                        owner.sent();
                        return true;
                    }
                    return false;
                }
                default -> {
                    return false;
                }
            }
        }
    }

    @Override
    public void ready(OutboundStream stream) {
        String key = keys.generate(domain, stream.localDomain(), stream.streamId());
        stream.connection().send(S2sXml.dialbackRequest("result", stream.localDomain(), domain, null, key));
    }

    @Override
    public void dialbackAnswer(Stanza answer, OutboundStream stream) {
        if (!"result".equals(answer.getName()) || !stream.localDomain().equals(answer.getAttributeValue("to"))) {
            return;
        }
        String type = answer.getAttributeValue("type");
        if (!"valid".equals(type)) {
            stream.connection().end();
            stream.fail("remote-server-not-found", domain + " did not accept this gate's dialback key (type "
                    + type + ")");
            return;
        }
        establish(stream, "dialback valid");
    }

    @Override
    public boolean wantsSaslExternal() {
        return saslExternal;
    }

    @Override
    public void authenticatedByCertificate(OutboundStream stream) {
        establish(stream, "SASL EXTERNAL");
    }

    /** The peer accepted this gate's domain: what waited goes out in order, later stanzas go straight out. */
    private void establish(OutboundStream stream, String how) {
        List<Stanza> flush;
        synchronized (this) {
            if (state != State.SETTING_UP) {
                return;
            }
            stream.established();
            connection = stream.connection();
            connection.onUndelivered(this::returnUndelivered);
            state = State.ESTABLISHED;
            for (Stanza s : waiting) {
                if (connection.sendStanza(s, S2sXml.outbound(s))) {
                    owner.sent();
                } else {
                    owner.bounce(s, "remote-server-timeout", "the s2s stream to " + domain + " ended");
                }
            }
            flush = List.copyOf(waiting);
            waiting.clear();
        }
        log.info("s2s to {} established ({}) in {} ms; {} waiting stanzas sent", domain, how,
                (System.nanoTime() - createdNanos) / 1_000_000, flush.size());
    }

    /** Stanzas the connection took but could not hand to the network before it closed go back to their senders. */
    private void returnUndelivered(List<Stanza> stanzas) {
        log.warn("s2s to {}: connection closed with {} stanzas unsent; returning them to their senders", domain,
                stanzas.size());
        for (Stanza s : stanzas) {
            owner.bounce(s, "remote-server-timeout", "the s2s stream to " + domain + " closed before it was sent");
        }
    }

    @Override
    public void failed(String condition, String reason) {
        List<Stanza> held;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            held = List.copyOf(waiting);
            waiting.clear();
        }
        log.warn("s2s to {} failed ({}): {}; returning {} waiting stanzas to their senders", domain, condition,
                reason, held.size());
        owner.ended(this);
        for (Stanza s : held) {
            owner.bounce(s, condition, reason);
        }
    }

    @Override
    public void closed() {
        synchronized (this) {
            state = State.ENDED;
        }
        log.info("s2s to {} closed", domain);
        owner.ended(this);
    }
}
