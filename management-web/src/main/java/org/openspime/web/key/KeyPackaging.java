package org.openspime.web.key;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Wraps a private key and its chain into the bytes an operator downloads, in memory only. The JDK's PKCS#12
 * writer (AES-256 and HMAC-SHA256 by default since Java 17) reads back in OpenSSL 1.1+, Bouncy Castle and
 * Windows; PEM carries the key as unencrypted PKCS#8, which is why the page says to keep it like a password.
 */
final class KeyPackaging {

    private KeyPackaging() {
    }

    static byte[] pkcs12(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK could not write a PKCS#12 file: " + e.getMessage(), e);
        }
    }

    static byte[] pem(PrivateKey key, List<X509Certificate> chain) {
        byte[] der = key.getEncoded();
        try {
            StringBuilder out = new StringBuilder();
            block(out, "PRIVATE KEY", der);
            for (X509Certificate c : chain) {
                block(out, "CERTIFICATE", c.getEncoded());
            }
            return out.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a certificate could not be encoded: " + e.getMessage(), e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static void block(StringBuilder out, String type, byte[] der) {
        out.append("-----BEGIN ").append(type).append("-----\n")
                .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der))
                .append("\n-----END ").append(type).append("-----\n");
    }
}
