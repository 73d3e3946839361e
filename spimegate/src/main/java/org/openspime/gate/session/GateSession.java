package org.openspime.gate.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.AbstractSessionContext;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionState;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.writer.StanzaWriter;
import org.slf4j.LoggerFactory;
import org.openspime.gate.engine.ActingEntity;
import org.openspime.gate.stream.OutboundXml;
import org.openspime.gate.stream.XmppStreamDecoder;

/**
 * A connection as Vysper's handlers see it, backed by a MINA session.
 *
 * <p>Writes go straight to MINA (thread-safe, non-blocking). The first write after a stream (re)start is the
 * stream header, written open. A stream restart (after SASL success, or STARTTLS) also restarts the
 * connection's XML parser: when the TLS filter goes in (the peer may send its new header as soon as the
 * handshake ends, before Vysper learns that TLS is established) and when SASL success is written.
 */
public final class GateSession extends AbstractSessionContext implements StanzaWriter {
    private final IoSession io;
    private final TlsPolicy tls;
    private volatile boolean headerWritten;
    private volatile boolean tlsRequested;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** How this gate runs TLS on its connections. */
    public record TlsPolicy(SSLContext context, String[] protocols) {
    }

    public GateSession(ServerRuntimeContext runtime, SessionStateHolder stateHolder, IoSession io, TlsPolicy tls) {
        super(runtime, stateHolder);
        this.io = io;
        this.tls = tls;
        stateHolder.setState(SessionState.INITIATED);
    }

    /** The peer's IP address, for throttles and logs. */
    public String remoteAddress() {
        SocketAddress a = io.getRemoteAddress();
        if (a instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return String.valueOf(a);
    }

    public long connectionId() {
        return io.getId();
    }

    @Override
    public StanzaWriter getResponseWriter() {
        return this;
    }

    @Override
    public void write(Stanza stanza) {
        if (closed.get()) {
            return;
        }
        if (tlsRequested) {
            tlsRequested = false;
            writeProceedAndStartTls(stanza);
        } else if (!headerWritten) {
            headerWritten = true;
            io.write(new OutboundXml.StreamOpening(stanza));
        } else if (isSaslSuccess(stanza)) {
            // RFC 6120 6.4.6: the peer restarts the stream as soon as it reads <success/>, so the parser must
            // be ready for a new document before the answer leaves
            restartParser();
            io.write(new OutboundXml.Element(stanza));
            headerWritten = false;
        } else {
            io.write(new OutboundXml.Element(stanza));
        }
    }

    private static boolean isSaslSuccess(Stanza stanza) {
        return "success".equals(stanza.getName())
                && "urn:ietf:params:xml:ns:xmpp-sasl".equals(stanza.getNamespaceURI());
    }

    /**
     * Ends the session: closes the stream, tells contacts the entity is gone, unbinds its JID. Runs as the
     * session's entity (Vysper's presence handling looks its resource up by name), and unbinds even when the
     * presence broadcast fails, so that a stale binding never outlives its connection.
     */
    @Override
    public void endSession(SessionTerminationCause cause) {
        try {
            ActingEntity.runAs(getInitiatingEntity(), () -> super.endSession(cause));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(GateSession.class).warn("ending session {} of {}: {}", getSessionId(),
                    getInitiatingEntity(), e.toString());
        } finally {
            getServerRuntimeContext().getResourceRegistry().unbindSession(this);
            sessionStateHolder.setState(SessionState.CLOSED);
        }
    }

    /** Writes a stream error (already built) and closes the stream and the connection. */
    public void failStream(Stanza streamError) {
        write(streamError);
        endSession(SessionTerminationCause.STREAM_ERROR);
    }

    /**
     * Vysper asks for TLS just before it answers {@code <proceed/>}. The proceed must leave in the clear and
     * the TLS filter must be in place before the peer's ClientHello is read, so: remember the request, and on
     * the next write (the proceed) suspend reading, write it, put the filter in, restart the parser (the peer
     * starts a new stream inside TLS), and read again.
     */
    @Override
    public void switchToTLS(boolean delayed, boolean clientTls) {
        tlsRequested = true;
    }

    private void writeProceedAndStartTls(Stanza proceed) {
        SslFilter filter = new SslFilter(tls.context());
        if (tls.protocols() != null) {
            filter.setEnabledProtocols(tls.protocols());
        }
        io.suspendRead();
        try {
            io.write(new OutboundXml.Element(proceed));
            restartParser();
            io.getFilterChain().addFirst("tls", filter);
        } finally {
            io.resumeRead();
        }
    }

    /**
     * Vysper calls this when the next thing written is a new stream header (after TLS is established, and
     * when it answers the header of a restarted stream). The parser restarts are done elsewhere: when TLS
     * goes in, and when SASL success is written.
     */
    @Override
    public void setIsReopeningXMLStream() {
        headerWritten = false;
    }

    private void restartParser() {
        XmppStreamDecoder decoder = (XmppStreamDecoder) io.getAttribute(XmppStreamDecoder.ATTRIBUTE);
        if (decoder != null) {
            decoder.restartStream();
        }
    }

    /** Sends {@code </stream:stream>} (once) and closes the connection after it is flushed. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // Close only after the closing tag is really sent: the TLS filter may still hold earlier writes in
            // its own queue, and a close requested now would overtake them. A peer that never reads is cut by
            // the endpoint's write timeout.
            io.write(OutboundXml.StreamClosing.INSTANCE).addListener(sent -> io.closeOnFlush());
        }
    }

    /** Whether this session has been ended (by either side). */
    public boolean isClosed() {
        return closed.get();
    }

    /** Vysper's SessionContext does not expose the state holder; bind and SASL need to read it. */
    public SessionStateHolder stateHolder() {
        return sessionStateHolder;
    }
}
