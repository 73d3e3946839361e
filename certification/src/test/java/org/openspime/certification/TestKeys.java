package org.openspime.certification;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/**
 * Key pairs shared by the tests: RSA generation costs 50–500 ms each, so every test class reuses these
 * instead of paying it per test.
 */
public final class TestKeys {

    public static final KeyPair SPIME = generate(2048);
    public static final KeyPair SPIME_NEXT = generate(2048);
    public static final KeyPair SCOPENODE = generate(2048);
    public static final KeyPair GATE = generate(2048);
    public static final KeyPair OTHER_GATE = generate(2048);
    /** Below the minimum; only the JDK generator will make one. */
    public static final KeyPair SHORT = generate(1024);

    private TestKeys() {
    }

    public static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ec() {
        try {
            return KeyPairGenerator.getInstance("EC").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
