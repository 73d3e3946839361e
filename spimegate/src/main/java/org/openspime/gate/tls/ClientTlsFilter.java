package org.openspime.gate.tls;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * MINA's TLS filter for client connections after STARTTLS: its blocking pipeline (records leave in the order they
 * were encrypted), its engine made by MINA as before (reverse DNS included, see docs/vysper-replacements.md, "MINA
 * version") but running its handshake tasks inline ({@link InlineTaskEngine}).
 */
public final class ClientTlsFilter extends SslFilter {

    public ClientTlsFilter(SSLContext context, String[] protocols) {
        super(context);
        // MINA's default ("non-blocking") TLS pipeline encrypts under its lock but hands the encrypted records to
        // the socket's queue after releasing it, from whichever thread called in: a worker writing a stanza
        // bigger than one record and the I/O thread (reading the peer's data, or acknowledging sent records)
        // each take records from the same queue and pass them on in whichever order they get there. Records out
        // of order fail the peer's record authentication ("Tag mismatch") and kill the connection; it hit the one
        // connection that both receives a lot and sends (a ScopeNode). The other pipeline passes each record on
        // while still holding the lock, so records leave in the order they were encrypted (BusyReceiverTlsTest).
        setUseNonBlockingPipeline(false);
        if (protocols != null) {
            setEnabledProtocols(protocols);
        }
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress addr) {
        return new InlineTaskEngine(super.createEngine(session, addr));
    }
}
