package org.openspime.gate.endpoint;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.openspime.gate.session.GateIoHandler;
import org.openspime.gate.stream.XmppCodecFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-to-server listener.
 *
 * <p>The filter chain is: TLS (added per connection at STARTTLS), the XMPP codec (in the I/O thread), then an
 * {@link ExecutorFilter} over an {@link OrderedThreadPoolExecutor}: handlers may block (database, password
 * hashing) without stalling other connections on the same I/O thread, and each connection's events still run
 * one at a time, in arrival order.
 */
public final class ClientEndpoint {
    private static final Logger log = LoggerFactory.getLogger(ClientEndpoint.class);

    private final String bindAddress;
    private final int port;
    private final int backlog;
    private final int maxStanzaBytes;
    private final int workerThreads;
    private volatile NioSocketAcceptor acceptor;
    private OrderedThreadPoolExecutor executor;

    public ClientEndpoint(String bindAddress, int port, int backlog, int maxStanzaBytes, int workerThreads) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.backlog = backlog;
        this.maxStanzaBytes = maxStanzaBytes;
        this.workerThreads = workerThreads;
    }

    public void start(GateIoHandler handler) throws IOException {
        acceptor = new NioSocketAcceptor(Math.max(2, Runtime.getRuntime().availableProcessors()));
        acceptor.setBacklog(backlog);
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getSessionConfig().setIdleTime(IdleStatus.READER_IDLE, 60);
        acceptor.getSessionConfig().setWriteTimeout(30);
        // MINA 2.0.x sets the core size before the maximum, which JDK 9+ rejects when core > 1; it starts more
        // workers on demand up to the maximum anyway.
        executor = new OrderedThreadPoolExecutor(1, workerThreads, 60, TimeUnit.SECONDS);
        DefaultIoFilterChainBuilder chain = acceptor.getFilterChain();
        chain.addLast("xmpp", new ProtocolCodecFilter(new XmppCodecFactory(maxStanzaBytes)));
        chain.addLast("ordered", new ExecutorFilter(executor));
        acceptor.setHandler(handler);
        acceptor.bind(new InetSocketAddress(bindAddress, port));
        log.info("c2s listening on {} (backlog {})", acceptor.getLocalAddress(), backlog);
    }

    /** Whether the listening socket is bound, i.e. started and not yet stopped. */
    public boolean isBound() {
        NioSocketAcceptor a = acceptor;
        return a != null && a.isActive() && !a.isDisposing();
    }

    /** The bound port (useful when configured as 0). */
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
