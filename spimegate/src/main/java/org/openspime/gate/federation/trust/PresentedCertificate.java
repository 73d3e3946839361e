package org.openspime.gate.federation.trust;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The receiving side's trust manager for the certificate an initiating server may present. When the handshake
 * runs, the gate does not know yet which domain the peer will claim (that comes in the restarted stream header),
 * so the chain is only taken here, and judged afterwards by {@link PeerTrust} against the claimed domain: SASL
 * EXTERNAL is offered only if it passes. A peer whose certificate does not pass is not refused — it may still
 * prove its domain by dialback. Accepting a chain here therefore grants nothing by itself.
 */
public final class PresentedCertificate extends X509ExtendedTrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // judged later, against the domain the peer claims
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // judged later, against the domain the peer claims
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // judged later, against the domain the peer claims
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the receiving side does not connect to servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the receiving side does not connect to servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the receiving side does not connect to servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
