package org.openspime.client.connection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How an entity decides that the gate it connects to is its gate: a pinned SHA-256 certificate fingerprint (the
 * form {@code openspime admin certificate} prints), CA certificates from a PEM file, or the platform's trust store.
 * There is no "trust anything": STARTTLS without a verified certificate protects nothing.
 */
public final class GateTrust {

    private final String description;
    private final X509TrustManager trustManager;

    private GateTrust(String description, X509TrustManager trustManager) {
        this.description = description;
        this.trustManager = trustManager;
    }

    /**
     * Trusts exactly the certificate whose SHA-256 fingerprint is {@code fingerprint}: 32 hex pairs, separated by
     * colons or not, either case.
     */
    public static GateTrust pinned(String fingerprint) {
        byte[] pin = parseFingerprint(fingerprint);
        return new GateTrust("pinned " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(pin), new PinnedCertificate(pin));
    }

    /** Trusts gate certificates issued by the CA certificates (or the self-signed gate certificate) in a PEM file. */
    public static GateTrust certificates(Path pemFile) throws IOException {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException(pemFile + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca" + i++, c);
            }
            return new GateTrust("CA certificates from " + pemFile, trustManager(store));
        } catch (GeneralSecurityException e) {
            throw new IOException(pemFile + ": not PEM certificates: " + e.getMessage(), e);
        }
    }

    /** Trusts what the Java platform trusts (a gate with a certificate from a public CA). */
    public static GateTrust system() {
        try {
            return new GateTrust("the platform trust store", trustManager(null));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no platform trust store", e);
        }
    }

    /** A trust manager given by the caller (tests, embedding applications). */
    public static GateTrust using(X509TrustManager trustManager, String description) {
        return new GateTrust(description, Objects.requireNonNull(trustManager, "trustManager"));
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    @Override
    public String toString() {
        return description;
    }

    static byte[] parseFingerprint(String text) {
        String hex = text.trim().replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256") || hex.startsWith("sha-256")) {
            hex = hex.substring(hex.indexOf('6') + 1).trim();
        }
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint (32 hex pairs, such as "
                    + "the one `openspime admin certificate` prints)");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (var tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
