package org.openspime.gate.federation.outbound;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLException;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.openspime.gate.config.FederationConfig.HostPort;
import org.openspime.gate.federation.peer.PeerResolver;
import org.openspime.gate.federation.stream.S2sConnection;
import org.openspime.gate.federation.trust.PeerTrust;
import org.openspime.gate.stream.XmppCodecFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens outbound s2s streams. Each open runs on its own resolver task (DNS and the TCP connect are the slow
 * parts), so a slow or dead peer holds up only the stanzas queued for it: no lock is shared between opens,
 * unlike Vysper's synchronized {@code connect()}. A TCP connect is bounded by the connect timeout and the whole
 * set-up (connect, TLS, dialback) by the set-up timeout.
 */
public final class OutboundConnector {
    private static final Logger log = LoggerFactory.getLogger(OutboundConnector.class);
    private static final String STREAM = OutboundStream.class.getName();

    private final String localDomain;
    private final InetSocketAddress localAddress;
    private final PeerResolver resolver;
    private final ClientTls tls;
    private final Duration connectTimeout;
    private final Duration setupTimeout;
    private final NioSocketConnector connector;
    private final OrderedThreadPoolExecutor executor;
    private final ExecutorService resolvers;
    private final ScheduledExecutorService timers;

    /**
     * @param gateKeys the gate's key managers (its certificate, for peers that ask for one)
     * @param trust    which certificates prove which peer domain
     */
    public OutboundConnector(String localDomain, String bindAddress, PeerResolver resolver, KeyManager[] gateKeys,
                             PeerTrust trust, Duration connectTimeout, Duration setupTimeout, Duration idleTimeout,
                             int maxStanzaBytes, int workerThreads) {
        this.localDomain = localDomain;
        // connect from the gate's own address when it has one, so peers see the address its listener is on
        InetSocketAddress local = new InetSocketAddress(bindAddress, 0);
        this.localAddress = local.getAddress() != null && local.getAddress().isAnyLocalAddress() ? null : local;
        this.resolver = resolver;
        this.tls = new ClientTls(gateKeys, trust);
        this.connectTimeout = connectTimeout;
        this.setupTimeout = setupTimeout;
        AtomicInteger n = new AtomicInteger();
        resolvers = Executors.newCachedThreadPool(r -> daemon(r, "s2s-connect-" + localDomain + "-" + n.incrementAndGet()));
        timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "s2s-timer-" + localDomain));
        executor = new OrderedThreadPoolExecutor(1, workerThreads, 60, TimeUnit.SECONDS);
        connector = new NioSocketConnector(2);
        connector.setConnectTimeoutMillis(connectTimeout.toMillis());
        connector.getSessionConfig().setTcpNoDelay(true);
        connector.getSessionConfig().setIdleTime(IdleStatus.BOTH_IDLE, (int) Math.max(1, idleTimeout.toSeconds()));
        connector.getSessionConfig().setWriteTimeout(30);
        connector.getFilterChain().addLast("xmpp", new ProtocolCodecFilter(new XmppCodecFactory(maxStanzaBytes)));
        connector.getFilterChain().addLast("ordered", new ExecutorFilter(executor));
        connector.setHandler(new Handler());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts opening a stream from {@code from} (the gate's domain or one of its component subdomains) to
     * {@code domain} for {@code purpose}; returns at once.
     */
    public void open(String from, String domain, StreamPurpose purpose) {
        ClientTls.Handshake handshake = tls.forDomain(domain);
        OutboundStream stream = new OutboundStream(from, domain, purpose, handshake);
        timers.schedule(() -> {
            if (stream.isEstablished()) {
                return;
            }
            // fail first, so the bounce says "timeout" rather than "closed during set-up"
            stream.fail("remote-server-timeout", "no s2s stream to " + domain + " within "
                    + setupTimeout.toSeconds() + " s");
            if (stream.connection() != null && !stream.connection().isClosing()) {
                stream.connection().io().closeNow();
            }
        }, setupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        resolvers.execute(() -> connect(stream));
    }

    private void connect(OutboundStream stream) {
        String domain = stream.domain();
        List<HostPort> candidates;
        try {
            candidates = resolver.resolve(domain);
        } catch (RuntimeException e) {
            stream.fail("remote-server-not-found", "cannot resolve " + domain + ": " + e.getMessage());
            return;
        }
        String last = "no address";
        for (HostPort candidate : candidates) {
            InetSocketAddress address = new InetSocketAddress(candidate.host(), candidate.port());
            if (address.isUnresolved()) {
                last = candidate.host() + " does not resolve";
                continue;
            }
            ConnectFuture f = connector.connect(address, localAddress,
                    (session, future) -> session.setAttribute(STREAM, stream));
            f.awaitUninterruptibly(connectTimeout.toMillis() + 1_000);
            if (f.isConnected()) {
                log.debug("s2s to {}: connected to {}", domain, candidate);
                return;
            }
            last = candidate + ": " + (f.getException() == null ? "connect timed out" : f.getException().toString());
            log.info("s2s to {}: cannot connect to {}", domain, last);
        }
        boolean timedOut = last.contains("timed out");
        stream.fail(timedOut ? "remote-server-timeout" : "remote-server-not-found",
                "cannot connect to " + domain + " (" + last + ")");
    }

    void schedule(Runnable task, Duration delay) {
        timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        connector.getManagedSessions().values().forEach(IoSession::closeNow);
        connector.dispose(true);
        resolvers.shutdownNow();
        timers.shutdownNow();
        executor.shutdown();
    }

    private static final class Handler extends IoHandlerAdapter {
        private static OutboundStream stream(IoSession io) {
            return (OutboundStream) io.getAttribute(STREAM);
        }

        @Override
        public void sessionOpened(IoSession io) {
            stream(io).opened(new S2sConnection(io));
        }

        @Override
        public void messageReceived(IoSession io, Object message) {
            stream(io).received(message);
        }

        @Override
        public void event(IoSession io, FilterEvent event) {
            if (event == SslEvent.SECURED) {
                stream(io).secured();
            }
        }

        @Override
        public void sessionIdle(IoSession io, IdleStatus status) {
            OutboundStream s = stream(io);
            log.info("s2s to {}: idle, closing the stream", s.domain());
            s.connection().end();
        }

        @Override
        public void exceptionCaught(IoSession io, Throwable cause) {
            OutboundStream s = stream(io);
            if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
                s.tlsFailed(cause.getMessage());
                return;
            }
            if (cause instanceof org.apache.mina.core.write.WriteToClosedSessionException) {
                log.debug("s2s to {}: {}", s.domain(), cause.toString());
            } else {
                log.info("s2s to {}: {}", s.domain(), cause.toString());
            }
            io.closeNow();
        }

        @Override
        public void sessionClosed(IoSession io) {
            stream(io).finish();
        }
    }
}
