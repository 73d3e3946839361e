package org.openspime.gate.tls;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * MINA's TLS filter for client connections after STARTTLS, with its engine made by MINA as before (reverse DNS
 * included, see docs/vysper-replacements.md, "MINA version") but running its handshake tasks inline
 * ({@link InlineTaskEngine}).
 */
public final class ClientTlsFilter extends SslFilter {

    public ClientTlsFilter(SSLContext context, String[] protocols) {
        super(context);
        if (protocols != null) {
            setEnabledProtocols(protocols);
        }
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress addr) {
        return new InlineTaskEngine(super.createEngine(session, addr));
    }
}
