package org.openspime.gate.federation.outbound;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.openspime.gate.federation.trust.DomainTrustManager;
import org.openspime.gate.federation.trust.PeerTrust;
import org.openspime.gate.tls.InlineTaskEngine;

/**
 * The client side of TLS on an outbound s2s stream: a context per connection whose trust manager knows the
 * domain the gate meant to reach (so a certificate valid for another domain is refused), the gate's own key for
 * peers that ask for a client certificate, SNI naming the domain, TLS 1.2.
 */
final class ClientTls {
    /** TLS 1.2, as the receiving side (see {@code inbound.InboundHandler.TLS_PROTOCOLS}): MINA 2.2.4 mishandles TLS 1.3 here. */
    static final String[] PROTOCOLS = {"TLSv1.2"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyManager[] gateKeys;
    private final PeerTrust trust;

    ClientTls(KeyManager[] gateKeys, PeerTrust trust) {
        this.gateKeys = gateKeys;
        this.trust = trust;
    }

    /** A TLS filter for one connection to {@code domain}, and the trust manager that will judge its certificate. */
    Handshake forDomain(String domain) {
        DomainTrustManager tm = new DomainTrustManager(trust, domain);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(gateKeys, new TrustManager[] {tm}, RANDOM);
            return new Handshake(new ClientFilter(context, domain), tm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context for " + domain, e);
        }
    }

    record Handshake(SslFilter filter, DomainTrustManager trust) {
    }

    /**
     * MINA names the engine after the socket address (a reverse look-up); s2s names it after the domain. Blocking
     * pipeline and inline handshake tasks, as on client connections (docs/vysper-replacements.md, "MINA version").
     */
    private static final class ClientFilter extends SslFilter {
        private final String domain;

        ClientFilter(SSLContext context, String domain) {
            super(context);
            setUseNonBlockingPipeline(false); // records leave in the order they were encrypted (tls.ClientTlsFilter)
            this.domain = domain;
            setEnabledProtocols(PROTOCOLS);
        }

        @Override
        protected SSLEngine createEngine(IoSession session, InetSocketAddress addr) {
            SSLEngine engine = sslContext.createSSLEngine(domain, addr == null ? 5269 : addr.getPort());
            engine.setUseClientMode(true);
            engine.setEnabledProtocols(PROTOCOLS);
            try {
                SSLParameters p = engine.getSSLParameters();
                p.setServerNames(List.of(new SNIHostName(domain)));
                engine.setSSLParameters(p);
            } catch (IllegalArgumentException notAHostName) {
                // a domain that is not a DNS name (an IP literal) goes without SNI
            }
            return new InlineTaskEngine(engine);
        }
    }
}
