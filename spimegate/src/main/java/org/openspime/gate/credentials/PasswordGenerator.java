package org.openspime.gate.credentials;

import java.security.SecureRandom;

/**
 * Strong random passwords for identities created without one. 20 characters from the 64-symbol URL-safe
 * alphabet carry 120 bits: unguessable, and safe to paste into a URL, a shell or a properties file.
 */
public final class PasswordGenerator {
    public static final int DEFAULT_LENGTH = 20;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private final SecureRandom random;

    public PasswordGenerator() {
        this(new SecureRandom());
    }

    public PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    public String generate() {
        return generate(DEFAULT_LENGTH);
    }

    public String generate(int length) {
        if (length < 12) {
            throw new IllegalArgumentException("a generated password needs at least 12 characters, asked " + length);
        }
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
