package org.openspime.gate.credentials;

import java.security.SecureRandom;

/**
 * Strong random passwords for identities created without one. 20 characters from the 64-symbol URL-safe
 * alphabet carry about 120 bits: unguessable, and safe to paste into a URL, a shell or a properties file.
 * The first character is a letter or digit: a leading {@code -} reads as an option on a command line, and
 * spreadsheets treat a leading {@code -} as a formula, which CSV exports then have to defuse by altering the
 * cell.
 */
public final class PasswordGenerator {
    public static final int DEFAULT_LENGTH = 20;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    /** The first 62 symbols of the alphabet are letters and digits. */
    private static final int ALPHANUMERIC = 62;

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
        out[0] = ALPHABET[random.nextInt(ALPHANUMERIC)];
        for (int i = 1; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
