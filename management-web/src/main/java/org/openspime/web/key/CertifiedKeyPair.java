package org.openspime.web.key;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the gate answers when it has certified a key pair the console generated: the published key as the key
 * pages show it, and the certificate chain to package with the private key (the entity's certificate first).
 */
public record CertifiedKeyPair(KeyView key, List<X509Certificate> chain) {

    public CertifiedKeyPair {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certified key pair needs at least the entity's certificate");
        }
    }
}
