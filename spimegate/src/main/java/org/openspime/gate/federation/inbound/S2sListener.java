package org.openspime.gate.federation.inbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.openspime.gate.stream.XmppCodecFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The s2s listener, on the gate's bind address and s2s port (0 picks a free one). Same chain as the client
 * endpoint: TLS (added at STARTTLS), the XMPP codec in the I/O thread, then an ordered executor so each stream's
 * stanzas are handled one at a time, in order, and may block without stalling other streams.
 */
public final class S2sListener {
    private static final Logger log = LoggerFactory.getLogger(S2sListener.class);

    private final String bindAddress;
    private final int port;
    private final Duration idleTimeout;
    private final int maxStanzaBytes;
    private final int workerThreads;
    private NioSocketAcceptor acceptor;
    private OrderedThreadPoolExecutor executor;

    public S2sListener(String bindAddress, int port, Duration idleTimeout, int maxStanzaBytes, int workerThreads) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.idleTimeout = idleTimeout;
        this.maxStanzaBytes = maxStanzaBytes;
        this.workerThreads = workerThreads;
    }

    public void start(InboundHandler handler) throws IOException {
        acceptor = new NioSocketAcceptor(2);
        acceptor.setBacklog(256);
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getSessionConfig().setIdleTime(IdleStatus.BOTH_IDLE, (int) Math.max(1, idleTimeout.toSeconds()));
        acceptor.getSessionConfig().setWriteTimeout(30);
        executor = new OrderedThreadPoolExecutor(1, workerThreads, 60, TimeUnit.SECONDS);
        acceptor.getFilterChain().addLast("xmpp", new ProtocolCodecFilter(new XmppCodecFactory(maxStanzaBytes)));
        acceptor.getFilterChain().addLast("ordered", new ExecutorFilter(executor));
        acceptor.setHandler(handler);
        acceptor.bind(new InetSocketAddress(bindAddress, port));
        log.info("s2s listening on {}", acceptor.getLocalAddress());
    }

    /** The bound port (the real one when 0 was configured). */
    public int port() {
        return acceptor.getLocalAddress().getPort();
    }

    public void stop() {
        if (acceptor != null) {
            acceptor.unbind();
            acceptor.getManagedSessions().values().forEach(s -> s.closeNow());
            acceptor.dispose(true);
        }
        if (executor != null) {
            executor.shutdown();
        }
    }
}
