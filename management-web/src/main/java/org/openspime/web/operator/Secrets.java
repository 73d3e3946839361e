package org.openspime.web.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets the console hands out: first-admin passwords, API tokens, session and CSRF tokens. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** URL-safe random text carrying {@code bytes * 8} bits. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * A password of {@code bytes * 8} random bits, URL-safe, starting with a letter or digit: a leading
     * {@code -} reads as an option on a command line and as a formula in a spreadsheet.
     */
    public static String password(int bytes) {
        String s;
        do {
            s = random(bytes);
        } while (!Character.isLetterOrDigit(s.charAt(0)));
        return s;
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
