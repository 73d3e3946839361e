package org.openspime.gate.federation.dialback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dialback keys (XEP-0220 section 2.4, "Key generation"): {@code HMAC-SHA256(SHA256(secret), receiving ' '
 * originating ' ' streamId)}, hex-encoded, where the HMAC key is the hex form of the secret's digest.
 *
 * <p>The secret is random per gate start: a key can only be checked by the process that made it, which is what
 * the protocol needs (the receiving server asks the originating domain's authoritative server while the stream
 * that carried the key is still open). A new {@link Mac} is made for each key: {@code Mac} is not thread-safe
 * and Vysper's shared one was (notes, item 6); making one costs about a microsecond.
 */
public final class DialbackKey {
    private final SecretKeySpec hmacKey;

    /** A key generator with a fresh random secret. */
    public DialbackKey() {
        this(randomSecret());
    }

    /** A key generator with a given secret (tests pin the XEP's example with it). */
    DialbackKey(byte[] secret) {
        this.hmacKey = new SecretKeySpec(HexFormat.of().formatHex(sha256(secret))
                .getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The key the originating server sends in {@code db:result} and the authoritative server checks. */
    public String generate(String receivingDomain, String originatingDomain, String streamId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            byte[] out = mac.doFinal((receivingDomain + " " + originatingDomain + " " + streamId)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code key} is the one this gate made for the three values (constant-time comparison). */
    public boolean verify(String receivingDomain, String originatingDomain, String streamId, String key) {
        if (key == null || streamId == null) {
            return false;
        }
        byte[] expected = generate(receivingDomain, originatingDomain, streamId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, key.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
