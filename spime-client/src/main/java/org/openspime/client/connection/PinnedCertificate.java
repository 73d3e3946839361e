package org.openspime.client.connection;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.X509TrustManager;

/** Accepts a server whose leaf certificate has the pinned SHA-256 fingerprint, and nothing else. */
final class PinnedCertificate implements X509TrustManager {

    private final byte[] pin;

    PinnedCertificate(byte[] pin) {
        this.pin = pin.clone();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the gate presented no certificate");
        }
        byte[] actual;
        try {
            actual = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot fingerprint the gate's certificate", e);
        }
        if (!MessageDigest.isEqual(pin, actual)) {
            HexFormat hex = HexFormat.ofDelimiter(":").withUpperCase();
            throw new CertificateException("the gate's certificate has SHA-256 fingerprint " + hex.formatHex(actual)
                    + ", not the pinned " + hex.formatHex(pin));
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("an entity does not accept incoming TLS connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
