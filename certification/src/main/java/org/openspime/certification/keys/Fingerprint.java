package org.openspime.certification.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * The SHA-256 digest of a public key's SubjectPublicKeyInfo DER encoding, the name every exchange uses
 * for a key.
 *
 * <p>Written as 32 colon-separated upper-case hex pairs ({@code 3A:F0:…}), the form people compare by eye
 * and the form that enters signed bytes. Hashing the whole SubjectPublicKeyInfo rather than the modulus
 * binds the algorithm too, and any language with a DER encoder and SHA-256 gets the same value.
 */
public final class Fingerprint {

    private static final int LENGTH = 32;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final byte[] digest;
    private final String text;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
        char[] out = new char[LENGTH * 3 - 1];
        for (int i = 0; i < LENGTH; i++) {
            out[i * 3] = HEX[(digest[i] >> 4) & 0xF];
            out[i * 3 + 1] = HEX[digest[i] & 0xF];
            if (i < LENGTH - 1) {
                out[i * 3 + 2] = ':';
            }
        }
        this.text = new String(out);
    }

    /** The fingerprint of a key, over {@link PublicKey#getEncoded()} (X.509 SubjectPublicKeyInfo). */
    public static Fingerprint of(PublicKey key) {
        return ofSubjectPublicKeyInfo(key.getEncoded());
    }

    /** The fingerprint of SubjectPublicKeyInfo DER bytes as received on the wire. */
    public static Fingerprint ofSubjectPublicKeyInfo(byte[] der) {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /**
     * Parses the colon-separated form. Lower-case hex is accepted (people paste it), but the canonical
     * {@link #toString()} is always upper-case.
     *
     * @throws IllegalArgumentException when the text is not 32 colon-separated hex pairs
     */
    public static Fingerprint parse(String text) {
        if (text == null || text.length() != LENGTH * 3 - 1) {
            throw new IllegalArgumentException("fingerprint must be 32 colon-separated hex pairs (95 characters)");
        }
        byte[] digest = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int hi = Character.digit(text.charAt(i * 3), 16);
            int lo = Character.digit(text.charAt(i * 3 + 1), 16);
            if (hi < 0 || lo < 0 || (i < LENGTH - 1 && text.charAt(i * 3 + 2) != ':')) {
                throw new IllegalArgumentException("fingerprint is not colon-separated hex at pair " + (i + 1));
            }
            digest[i] = (byte) (hi << 4 | lo);
        }
        return new Fingerprint(digest);
    }

    /** A copy of the 32 digest bytes. */
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint && Arrays.equals(((Fingerprint) o).digest, digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return text;
    }
}
