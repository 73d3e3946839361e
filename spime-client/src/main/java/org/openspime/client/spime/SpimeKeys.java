package org.openspime.client.spime;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import org.openspime.certification.CertificationException;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.certification.keys.RsaKeys;

/** A spime's key pair in its PKCS#12 store: generated once, loaded at every start; the private key never leaves it. */
public final class SpimeKeys {

    private SpimeKeys() {
    }

    /**
     * Generates an RSA key pair of {@code bits} (2048 or more; 3072 by default elsewhere) under {@code alias} and saves
     * the store. Refuses to replace an existing key unless {@code replace}: a replaced key must be published again.
     */
    public static KeyPair generate(Path store, char[] password, String alias, int bits, boolean replace) throws IOException, CertificationException {
        LocalKeyStore keys = LocalKeyStore.open(store, password);
        if (keys.get(alias).isPresent() && !replace) {
            throw new IllegalStateException(store + " already holds a key '" + alias + "'; replacing it needs the replace option");
        }
        KeyPair pair = RsaKeys.generate(bits);
        keys.put(alias, pair);
        keys.save();
        return pair;
    }

    /** The key pair under {@code alias}, or an exception telling how to make one. */
    public static KeyPair load(Path store, char[] password, String alias) throws IOException {
        return LocalKeyStore.open(store, password).get(alias).orElseThrow(() -> new IllegalStateException(
                store + " holds no key '" + alias + "': generate one first (openspime spime keygen)"));
    }
}
