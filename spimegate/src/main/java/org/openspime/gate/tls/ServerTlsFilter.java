package org.openspime.gate.tls;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * MINA's TLS filter for the accepting side of s2s streams a peer opens (c2s still uses MINA's own: see
 * docs/vysper-replacements.md, "MINA version").
 *
 * <p>MINA's own {@code createEngine} names the engine after the peer's socket address with {@code getHostName()},
 * a reverse DNS look-up on every handshake: for a peer address without a PTR record that cost about a second per
 * handshake here (s2s tests on 127.0.0.2/127.0.0.3), and a client on a network with slow reverse DNS would pay it
 * at every login. A server engine needs no peer name, so none is looked up.
 */
public final class ServerTlsFilter extends SslFilter {

    private final String[] protocols;
    private final boolean wantClientCertificate;

    /**
     * @param protocols             the TLS versions enabled, or null for the context's defaults
     * @param wantClientCertificate ask the peer for its certificate, without requiring it
     */
    public ServerTlsFilter(SSLContext context, String[] protocols, boolean wantClientCertificate) {
        super(context);
        setUseNonBlockingPipeline(false); // records leave in the order they were encrypted (ClientTlsFilter)
        this.protocols = protocols == null ? null : protocols.clone();
        this.wantClientCertificate = wantClientCertificate;
        if (protocols != null) {
            setEnabledProtocols(protocols);
        }
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress addr) {
        SSLEngine engine = sslContext.createSSLEngine();
        engine.setUseClientMode(false);
        if (protocols != null) {
            engine.setEnabledProtocols(protocols);
        }
        engine.setWantClientAuth(wantClientCertificate);
        return new InlineTaskEngine(engine);
    }
}
