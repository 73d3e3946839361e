package org.openspime.client.report.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openspime.certification.keys.Fingerprint;

/**
 * The ScopeNode's private keys by the fingerprint of their certified public half: the current one and, during a
 * rotation, the previous one, so that reports sealed to the old key before the spimes noticed are still opened.
 */
public final class RecipientKeys {

    private final Map<Fingerprint, PrivateKey> keys;

    private RecipientKeys(Map<Fingerprint, PrivateKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public static RecipientKeys of(KeyPair... pairs) {
        Map<Fingerprint, PrivateKey> keys = new LinkedHashMap<>();
        for (KeyPair pair : pairs) {
            keys.put(Fingerprint.of(pair.getPublic()), pair.getPrivate());
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a ScopeNode needs at least one key pair");
        }
        return new RecipientKeys(keys);
    }

    public Optional<PrivateKey> find(Fingerprint fingerprint) {
        return Optional.ofNullable(keys.get(fingerprint));
    }
}
