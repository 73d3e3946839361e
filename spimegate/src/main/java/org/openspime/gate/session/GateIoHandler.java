package org.openspime.gate.session;

import java.io.IOException;
import javax.net.ssl.SSLException;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.protocol.StreamErrorCondition;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext.SessionTerminationCause;
import org.apache.vysper.xmpp.server.SessionState;
import org.apache.vysper.xmpp.server.response.ServerErrorResponses;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.openspime.gate.metrics.GateMetrics;
import org.openspime.gate.stream.StreamClosed;
import org.openspime.gate.stream.StreamViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects MINA events to Vysper: one {@link GateSession} per connection, stanzas to the processor, stream
 * violations to stream errors, {@code </stream:stream>} answered in kind (RFC 6120 4.4), floods and
 * connections that never authenticate cut off.
 */
public final class GateIoHandler extends IoHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(GateIoHandler.class);
    private static final String SESSION = GateSession.class.getName();
    private static final String RATE = StanzaRateLimit.class.getName();

    private static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final Stanza SASL_ENCRYPTION_REQUIRED = new StanzaBuilder("failure", SASL_NS)
            .startInnerElement("encryption-required", SASL_NS).endInnerElement()
            .startInnerElement("text", SASL_NS).addText("negotiate TLS (STARTTLS) before authenticating")
            .endInnerElement().build();

    private final ServerRuntimeContext runtime;
    private final GateSession.TlsPolicy tls;
    private final GateMetrics metrics;
    private final int maxStanzasPerSecond;

    public GateIoHandler(ServerRuntimeContext runtime, GateSession.TlsPolicy tls, GateMetrics metrics,
                         int maxStanzasPerSecond) {
        this.runtime = runtime;
        this.tls = tls;
        this.metrics = metrics;
        this.maxStanzasPerSecond = maxStanzasPerSecond;
    }

    @Override
    public void sessionCreated(IoSession io) {
        GateSession session = new GateSession(runtime, new SessionStateHolder(), io, tls);
        io.setAttribute(SESSION, session);
        if (maxStanzasPerSecond > 0) {
            io.setAttribute(RATE, new StanzaRateLimit(maxStanzasPerSecond));
        }
        metrics.connectionOpened();
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        GateSession session = (GateSession) io.getAttribute(SESSION);
        if (session == null || session.isClosed()) {
            return;
        }
        if (message instanceof Stanza stanza) {
            StanzaRateLimit rate = (StanzaRateLimit) io.getAttribute(RATE);
            if (rate != null && !rate.tryAcquire()) {
                log.warn("connection {} from {} ({}) exceeded {} stanzas/s; cutting it off", io.getId(),
                        session.remoteAddress(), session.getInitiatingEntity(), maxStanzasPerSecond);
                fail(session, StreamErrorCondition.POLICY_VIOLATION, "stanza rate limit exceeded");
                return;
            }
            metrics.stanzaReceived();
            if (session.tlsPendingNotice()) {
                noticeTls(session);
            }
            if (isSaslBeforeTls(session, stanza)) {
                // RFC 6120 6.5.3: encryption-required; Vysper would end the stream with unsupported-stanza-type
                session.write(SASL_ENCRYPTION_REQUIRED);
                metrics.loginFailed("encryption_required");
                return;
            }
            runtime.getStanzaProcessor().processStanza(runtime, session, stanza, session.stateHolder());
        } else if (message instanceof StreamViolation violation) {
            log.info("connection {} from {}: {} ({})", io.getId(), session.remoteAddress(),
                    violation.condition().value(), violation.reason());
            fail(session, violation.condition(), violation.reason());
        } else if (message == StreamClosed.INSTANCE) {
            log.debug("connection {} ({}) closed its stream", io.getId(), session.getInitiatingEntity());
            session.endSession(SessionTerminationCause.CLIENT_BYEBYE);
        }
    }

    /**
     * MINA 2.2 reports the end of the TLS handshake as an event on the I/O thread, not in order with the
     * connection's messages (see {@link GateSession#tlsEstablished}).
     */
    @Override
    public void event(IoSession io, FilterEvent event) {
        GateSession session = (GateSession) io.getAttribute(SESSION);
        if (event == SslEvent.SECURED && session != null && !session.isClosed()) {
            noticeTls(session);
        }
    }

    private void noticeTls(GateSession session) {
        session.tlsEstablished(() -> runtime.getStanzaProcessor().processTLSEstablished(session,
                session.stateHolder()));
    }

    private static boolean isSaslBeforeTls(GateSession session, Stanza stanza) {
        SessionState state = session.getState();
        return (state == SessionState.INITIATED || state == SessionState.STARTED)
                && SASL_NS.equals(stanza.getNamespaceURI());
    }

    private void fail(GateSession session, StreamErrorCondition condition, String text) {
        metrics.streamError(condition.value());
        Stanza error = ServerErrorResponses.getStreamError(condition, session.getXMLLang(), text, null);
        session.failStream(error);
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        GateSession session = (GateSession) io.getAttribute(SESSION);
        if (session != null && session.getState() != SessionState.AUTHENTICATED) {
            log.info("connection {} from {} did not authenticate in time; closing", io.getId(),
                    session.remoteAddress());
            fail(session, StreamErrorCondition.POLICY_VIOLATION, "authentication timed out");
        }
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        GateSession session = (GateSession) io.getAttribute(SESSION);
        if (cause instanceof IOException && !(cause instanceof SSLException)) {
            log.debug("connection {}: {}", io.getId(), cause.toString());
            io.closeNow();
            return;
        }
        if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
            log.info("connection {}: TLS failed: {}", io.getId(), cause.getMessage());
            io.closeNow();
            return;
        }
        if (session == null) {
            io.closeNow();
            return;
        }
        if (session.isClosed()) {
            // The gate is already ending this stream: GateSession.close() has written (or queued behind its
            // outbox) </stream:stream> and closes the connection once that is sent. Vysper's endSession writes
            // it first and then runs unavailable-presence handling, which can throw; closing now would drop the
            // closing tag and leave the peer waiting for it (Smack: its whole reply timeout).
            log.debug("connection {}: {} while closing", io.getId(), cause.toString());
            return;
        }
        if (cause instanceof ProtocolDecoderException) {
            fail(session, StreamErrorCondition.XML_NOT_WELL_FORMED, "could not decode the stream");
            return;
        }
        log.warn("connection {} ({}): unexpected error", io.getId(), session.getInitiatingEntity(), cause);
        fail(session, StreamErrorCondition.INTERNAL_SERVER_ERROR, "internal error");
    }

    @Override
    public void sessionClosed(IoSession io) {
        metrics.connectionClosed();
        GateSession session = (GateSession) io.getAttribute(SESSION);
        if (session != null && session.getState() != SessionState.CLOSED) {
            session.endSession(SessionTerminationCause.CONNECTION_ABORT);
        }
    }
}
