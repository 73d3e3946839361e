package org.openspime.client.report.codec;

import java.util.Base64;
import org.openspime.client.report.InvalidBase64Exception;

/**
 * RFC 4648 base64, standard alphabet, with padding. Whitespace is ignored (other stacks wrap lines), but the
 * padding is required: Java's decoder would otherwise accept a text cut at a 4-character boundary's remainder,
 * and a truncated signature or ciphertext should be named as such rather than surface later as a bad signature.
 */
final class Base64Text {

    private Base64Text() {
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] decode(String text, String what) throws InvalidBase64Exception {
        String compact = stripWhitespace(text);
        if (compact.length() % 4 != 0) {
            throw new InvalidBase64Exception(what + " is not padded base64: " + compact.length()
                    + " characters is not a multiple of 4 (truncated?)");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new InvalidBase64Exception(what + " is not base64: " + e.getMessage(), e);
        }
    }

    /** The decoded size of base64 text, without decoding it: lets a reader refuse an oversized payload first. */
    static long decodedLength(String compact) {
        return compact.length() / 4L * 3;
    }

    static String stripWhitespace(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (space && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!space && b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }
}
