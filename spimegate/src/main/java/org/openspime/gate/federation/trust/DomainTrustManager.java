package org.openspime.gate.federation.trust;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of one outbound s2s connection: it knows which domain the gate meant to reach and accepts
 * the server's chain only if {@link PeerTrust} says it proves that domain. The reason for a refusal is kept for
 * the log line and the bounce. Never used to accept clients: the receiving side authenticates initiators by
 * dialback.
 */
public final class DomainTrustManager extends X509ExtendedTrustManager {
    private final PeerTrust trust;
    private final String domain;
    private volatile String refusal;

    public DomainTrustManager(PeerTrust trust, String domain) {
        this.trust = trust;
        this.domain = domain;
    }

    /** Why the peer's certificate was refused, or null if it was not (or not yet seen). */
    public String refusal() {
        return refusal;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        try {
            trust.check(domain, chain);
        } catch (PeerTrust.Untrusted e) {
            refusal = e.getMessage();
            throw new CertificateException(e.getMessage());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("outbound connections do not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("outbound connections do not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("outbound connections do not accept clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
