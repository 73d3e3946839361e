package org.openspime.gate.federation.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.stream.OutboundXml;
import org.openspime.gate.stream.XmppStreamDecoder;

/**
 * One s2s TCP connection: control writes (headers, features, dialback), batched stanza writes, STARTTLS and the
 * orderly end of the stream.
 *
 * <p>Stanzas go through a small outbox with one write in flight: what queues up behind it is joined into the
 * next write (up to one TLS record). MINA's TLS filter holds a ~33 KB buffer per write and accepts at most 64
 * queued writes, so writing one stanza at a time across a busy link would fail or fill the heap (the same reason
 * {@code GateSession} batches). Control writes bypass the outbox: they happen before any stanza flows (and the
 * STARTTLS answer must leave before the TLS filter goes in).
 */
public final class S2sConnection {
    /** One TLS record carries up to 16 KiB of plaintext. */
    static final int MAX_BATCH_BYTES = 16_000;
    /** A link that cannot send this much is not being read: it is closed rather than let grow. */
    static final int MAX_OUTBOX_BYTES = 8 * 1024 * 1024;

    private final IoSession io;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ArrayDeque<Queued> outbox = new ArrayDeque<>();
    private volatile Consumer<List<Stanza>> undelivered = stanzas -> { };
    /** Guarded by outbox. */
    private int outboxBytes;
    /** Guarded by outbox. */
    private boolean writing;
    /** Guarded by outbox. */
    private boolean endAfterOutbox;

    /** A stanza waiting in the outbox, with its rendering. */
    private record Queued(Stanza stanza, byte[] xml) {
    }

    public S2sConnection(IoSession io) {
        this.io = io;
    }

    /**
     * Where stanzas go that this connection accepted but could not hand to the network (it closed first): they
     * are returned to their senders rather than lost silently. What the kernel took and the peer then lost is
     * beyond any s2s stream without XEP-0198.
     */
    public void onUndelivered(Consumer<List<Stanza>> handler) {
        this.undelivered = handler;
    }

    public IoSession io() {
        return io;
    }

    public long id() {
        return io.getId();
    }

    public String remote() {
        return String.valueOf(io.getRemoteAddress());
    }

    /** Writes control XML now, ahead of anything queued in the outbox. */
    public void send(byte[] xml) {
        io.write(new OutboundXml.Rendered(xml));
    }

    /**
     * Queues a rendered stanza. Returns false if the connection is ending or its outbox is full (the caller
     * bounces the stanza rather than lose it).
     */
    public boolean sendStanza(Stanza stanza, byte[] xml) {
        Queued q = new Queued(stanza, xml);
        synchronized (outbox) {
            if (closing.get() || !io.isConnected()) {
                return false;
            }
            if (writing) {
                if (outboxBytes + xml.length > MAX_OUTBOX_BYTES) {
                    return false;
                }
                outbox.add(q);
                outboxBytes += xml.length;
                return true;
            }
            writing = true;
        }
        writeBatch(List.of(q));
        return true;
    }

    private void writeBatch(List<Queued> batch) {
        byte[] bytes;
        if (batch.size() == 1) {
            bytes = batch.get(0).xml();
        } else {
            int size = 0;
            for (Queued q : batch) {
                size += q.xml().length;
            }
            bytes = new byte[size];
            int at = 0;
            for (Queued q : batch) {
                System.arraycopy(q.xml(), 0, bytes, at, q.xml().length);
                at += q.xml().length;
            }
        }
        io.write(new OutboundXml.Rendered(bytes)).addListener(f -> batchSent(batch,
                ((org.apache.mina.core.future.WriteFuture) f).isWritten()));
    }

    private void batchSent(List<Queued> sent, boolean written) {
        List<Queued> next = null;
        List<Queued> lost = new ArrayList<>();
        if (!written) {
            lost.addAll(sent);
        }
        boolean end = false;
        synchronized (outbox) {
            if (outbox.isEmpty() || !io.isConnected()) {
                lost.addAll(outbox);
                outbox.clear();
                outboxBytes = 0;
                writing = false;
                end = endAfterOutbox;
                endAfterOutbox = false;
            } else {
                next = takeBatch();
            }
        }
        if (!lost.isEmpty()) {
            undelivered.accept(lost.stream().map(Queued::stanza).toList());
        }
        if (next != null) {
            writeBatch(next);
        } else if (end) {
            writeEnd();
        }
    }

    /** Removes queued stanzas up to {@link #MAX_BATCH_BYTES} (at least one). Holds the outbox lock. */
    private List<Queued> takeBatch() {
        List<Queued> batch = new ArrayList<>();
        int size = 0;
        while (!outbox.isEmpty()) {
            Queued q = outbox.peek();
            if (!batch.isEmpty() && size + q.xml().length > MAX_BATCH_BYTES) {
                break;
            }
            batch.add(outbox.poll());
            size += q.xml().length;
        }
        outboxBytes -= size;
        return batch;
    }

    /** Whether the stream has been ended (by either side) or the socket is gone. */
    public boolean isClosing() {
        return closing.get() || !io.isConnected();
    }

    /** Ends the stream after what is queued: {@code </stream:stream>}, then the socket once that is sent. */
    public void end() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        synchronized (outbox) {
            if (writing) {
                endAfterOutbox = true;
                return;
            }
        }
        writeEnd();
    }

    /** Ends the stream with a stream error (RFC 6120 4.9). */
    public void fail(String condition, String text) {
        if (closing.get()) {
            return;
        }
        send(S2sXml.streamError(condition, text));
        end();
    }

    private void writeEnd() {
        io.write(new OutboundXml.Rendered(S2sXml.streamEnd())).addListener(f -> io.closeOnFlush());
        // a peer that never answers or reads is not waited for long
        java.util.concurrent.CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.SECONDS)
                .execute(io::closeNow);
    }

    /** The peer starts a new XML document (after STARTTLS); takes effect before the next bytes are parsed. */
    public void restartParser() {
        XmppStreamDecoder decoder = (XmppStreamDecoder) io.getAttribute(XmppStreamDecoder.ATTRIBUTE);
        if (decoder != null) {
            decoder.restartStream();
        }
    }

    /**
     * Receiving side of STARTTLS: {@code <proceed/>} leaves in the clear, then the TLS filter goes in before
     * the peer's ClientHello is read, and the parser expects a new stream.
     */
    public void proceedWithTls(SslFilter filter) {
        io.suspendRead();
        try {
            send(S2sXml.proceed());
            restartParser();
            io.getFilterChain().addFirst("tls", filter);
        } finally {
            io.resumeRead();
        }
    }

    /** Initiating side of STARTTLS, after {@code <proceed/>}: the filter starts the handshake as a client. */
    public void startTlsAsClient(SslFilter filter) {
        restartParser();
        io.getFilterChain().addFirst("tls", filter);
    }

    public boolean isSecured() {
        return io.isSecured();
    }
}
