package org.openspime.gate.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
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
import org.openspime.gate.stream.StreamLimits;
import org.openspime.gate.stream.XmppStreamDecoder;
import org.openspime.gate.stream.XmppStreamEncoder;
import org.openspime.gate.tls.ClientTlsFilter;

/**
 * A connection as Vysper's handlers see it, backed by a MINA session.
 *
 * <p>Writes go to MINA (thread-safe, non-blocking); once the session is established they pass through a small
 * outbox that joins stanzas queued behind a write in flight (see {@link #enqueue}). The first write after a
 * stream (re)start is the stream header, written open. A stream restart (after SASL success, or STARTTLS) also restarts the
 * connection's XML parser: when the TLS filter goes in (the peer may send its new header as soon as the
 * handshake ends, before Vysper learns that TLS is established) and when SASL success is written.
 */
public final class GateSession extends AbstractSessionContext implements StanzaWriter {
    private final IoSession io;
    private final TlsPolicy tls;
    private volatile boolean headerWritten;
    private volatile boolean tlsRequested;
    /** Guarded by this: Vysper has been told that TLS is established. */
    private boolean tlsEstablished;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** One TLS record carries up to 16 KiB of plaintext; a batch stays within one. */
    static final int MAX_BATCH_BYTES = 16_000;
    /** How long a peer cut off as a slow reader has to read its stream error before its socket is closed. */
    static final int SLOW_READER_GRACE_SECONDS = 5;
    /** Queued behind the write in flight beyond this, requests to the connection are refused for now. */
    static final int BUSY_OUTBOX_BYTES = 1 << 20;

    /** The most a connection may have queued behind its write in flight before it is cut off as too slow. */
    static final int MAX_OUTBOX_BYTES = 4 * 1024 * 1024;
    private final ArrayDeque<byte[]> outbox = new ArrayDeque<>();
    /** Guarded by {@link #outbox}: bytes waiting in it. */
    private int outboxBytes;
    /** Set once the outbox overflowed. */
    private volatile boolean slowReader;
    /** Guarded by {@link #outbox}: a write of this session's outbox is in flight (written, not yet sent). */
    private boolean writing;
    /** Guarded by {@link #outbox}: {@link #close()} was asked while a write was in flight. */
    private boolean closeAfterOutbox;

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
            io.write(new OutboundXml.StreamOpening(getState() == SessionState.AUTHENTICATED ? withLimits(stanza) : stanza));
        } else if (isSaslSuccess(stanza)) {
            // RFC 6120 6.4.6: the peer restarts the stream as soon as it reads <success/>, so the parser must
            // be ready for a new document before the answer leaves
            restartParser();
            io.write(new OutboundXml.Element(stanza));
            headerWritten = false;
        } else if (getState() == SessionState.AUTHENTICATED) {
            enqueue(XmppStreamEncoder.render(stanza));
        } else {
            io.write(new OutboundXml.Element(stanza));
        }
    }

    /**
     * An established session's outbox. Stanzas are rendered in the writer's thread; if nothing of this session's
     * is in flight the stanza is written at once, otherwise it waits and, when the write in flight has been
     * sent, everything that queued up meanwhile (up to {@link #MAX_BATCH_BYTES}) is written as one message.
     *
     * <p>Why: MINA's TLS filter wraps every write into its own buffer of two TLS packets (about 33 KB, the
     * JDK's SSLEngine wants room for a full record) and keeps it until the socket has taken it. Written one
     * stanza at a time, a recipient slower than its senders held 33 KB per queued 200-byte message: 10 pairs
     * flooding filled a 512 MB heap in seconds and the gate spent its time in GC. Batched, a queued message
     * costs its own bytes, and one TLS record, one buffer and one socket write carry many stanzas.
     */
    private void enqueue(byte[] xml) {
        synchronized (outbox) {
            if (closed.get()) {
                return;
            }
            if (writing) {
                if (outboxBytes + xml.length > MAX_OUTBOX_BYTES) {
                    outbox.clear();
                    outboxBytes = 0;
                    slowReader = true;
                } else {
                    outbox.add(xml);
                    outboxBytes += xml.length;
                    return;
                }
            } else {
                writing = true;
            }
        }
        if (slowReader) {
            cutSlowReader();
            return;
        }
        writeBatch(xml);
    }

    /**
     * A peer that reads slower than others write to it would hold a growing queue in the gate; past
     * {@link #MAX_OUTBOX_BYTES} it is cut off (RFC 6120 4.9.3.15 {@code policy-violation}), as servers do with
     * slow consumers, and everyone else keeps being served. What was queued for it is not delivered: a sender
     * that needs to know (a spime reporting) waits for the recipient's acknowledgment.
     */
    private void cutSlowReader() {
        if (closed.get()) {
            return;
        }
        LoggerFactory.getLogger(GateSession.class).warn("connection {} ({}) reads too slowly: more than {} bytes "
                + "queued for it; cutting it off", io.getId(), getInitiatingEntity(), MAX_OUTBOX_BYTES);
        io.write(new OutboundXml.Element(org.apache.vysper.xmpp.server.response.ServerErrorResponses.getStreamError(
                org.apache.vysper.xmpp.protocol.StreamErrorCondition.POLICY_VIOLATION, getXMLLang(),
                "the gate queued more than " + MAX_OUTBOX_BYTES + " bytes for this connection: read faster", null)));
        endSession(SessionTerminationCause.STREAM_ERROR);
        // A peer that does not read will not read the error either: give it a few seconds, then close, rather
        // than keeping the socket until the write timeout.
        java.util.concurrent.CompletableFuture.delayedExecutor(SLOW_READER_GRACE_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS).execute(io::closeNow);
    }

    private void writeBatch(byte[] batch) {
        io.write(new OutboundXml.Rendered(batch)).addListener(sent -> batchSent());
    }

    private void batchSent() {
        byte[] next;
        boolean closeNow = false;
        synchronized (outbox) {
            if (outbox.isEmpty() || !io.isConnected()) {
                outbox.clear();
                outboxBytes = 0;
                writing = false;
                closeNow = closeAfterOutbox;
                closeAfterOutbox = false;
                next = null;
            } else {
                next = takeBatch();
            }
        }
        if (next != null) {
            writeBatch(next);
        } else if (closeNow) {
            writeClosing();
        }
    }

    /** Removes queued stanzas up to {@link #MAX_BATCH_BYTES} (at least one) and joins them. Holds the lock. */
    private byte[] takeBatch() {
        int size = 0;
        int count = 0;
        for (byte[] b : outbox) {
            if (count > 0 && size + b.length > MAX_BATCH_BYTES) {
                break;
            }
            size += b.length;
            count++;
        }
        outboxBytes -= size;
        if (count == 1) {
            return outbox.poll();
        }
        byte[] batch = new byte[size];
        int at = 0;
        for (int i = 0; i < count; i++) {
            byte[] b = outbox.poll();
            System.arraycopy(b, 0, batch, at, b.length);
            at += b.length;
        }
        return batch;
    }

    /**
     * Whether more than {@link #BUSY_OUTBOX_BYTES} wait behind this connection's write in flight: the peer reads
     * slower than it is sent to, and new requests to it are refused for now (back-pressure, see
     * {@code routing.LocalRelay}) well before the {@link #MAX_OUTBOX_BYTES} cut-off.
     */
    public boolean isBusy() {
        synchronized (outbox) {
            return outboxBytes > BUSY_OUTBOX_BYTES;
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

    /**
     * Tells Vysper, once, that TLS is established. Called from two threads that race: MINA reports the end of
     * the handshake as an event on the I/O thread, outside the connection's ordered executor, and it hands the
     * first decrypted bytes (the peer's new stream header) on before that event. Whichever thread sees the
     * handshake finished first does the step; the other finds it done, and the header is never handled while
     * the session still looks unencrypted (which made about 1 login in 100 hang under load).
     */
    public synchronized void tlsEstablished(Runnable step) {
        if (!tlsEstablished) {
            tlsEstablished = true;
            step.run();
        }
    }

    /** Whether the TLS handshake has finished but Vysper has not been told yet. */
    public boolean tlsPendingNotice() {
        return !tlsEstablished && getState() == SessionState.ENCRYPTION_STARTED && io.isSecured();
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
        // MINA's own filter, reverse DNS look-up per handshake included: tls.ServerTlsFilter (which skips it, as
        // inbound s2s does) coincided with a STARTTLS hang in one full CI run, so c2s keeps what ran clean for
        // thousands of logins until that is understood (docs/vysper-replacements.md, MINA version)
        SslFilter filter = new ClientTlsFilter(tls.context(), tls.protocols());
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

    /** The restarted stream's header after authentication, advertising the stanza size limit (XEP-0478). */
    private Stanza withLimits(Stanza header) {
        XmppStreamDecoder decoder = (XmppStreamDecoder) io.getAttribute(XmppStreamDecoder.ATTRIBUTE);
        return decoder == null ? header : StreamLimits.advertised(header, decoder.maxStanzaBytes());
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
            synchronized (outbox) {
                if (writing) {
                    // the closing tag follows what is still in the outbox
                    closeAfterOutbox = true;
                    return;
                }
            }
            writeClosing();
        }
    }

    private void writeClosing() {
        // Close only after the closing tag is really sent: the TLS filter may still hold earlier writes in its
        // own queue, and a close requested now would overtake them. A peer that never reads is cut by the
        // endpoint's write timeout.
        io.write(OutboundXml.StreamClosing.INSTANCE).addListener(sent -> io.closeOnFlush());
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
