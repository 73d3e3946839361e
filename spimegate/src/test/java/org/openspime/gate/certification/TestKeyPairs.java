package org.openspime.gate.certification;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** RSA key pairs for tests, made once per name and JVM (key generation is the slow part of these tests). */
public final class TestKeyPairs {
    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();

    private TestKeyPairs() {
    }

    /** A 2048-bit pair, the same for the same name. */
    public static KeyPair named(String name) {
        return PAIRS.computeIfAbsent(name, n -> generate(2048));
    }

    public static KeyPair generate(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
