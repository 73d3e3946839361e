package org.openspime.client.report.crypto;

import java.time.Duration;
import java.util.Objects;

/**
 * When the sealer replaces a session's transport key. Nonces are 96 random bits, so the number of messages under
 * one key is what keeps them from colliding: after n messages the chance of any repeat is below n²/2⁹⁷, about
 * 2⁻⁵⁷ at the default 2²⁰. NIST SP 800-38D caps random nonces at 2³² messages per key; so do we.
 *
 * @param maxMessages reports encrypted under one key before a new one is made
 * @param maxAge      age after which a new key is made, which also bounds how long a ScopeNode must cache it
 */
public record SessionKeyPolicy(long maxMessages, Duration maxAge) {

    public static final long NIST_RANDOM_NONCE_LIMIT = 1L << 32;
    public static final SessionKeyPolicy DEFAULT = new SessionKeyPolicy(1L << 20, Duration.ofHours(24));
    /** A fresh key per report: the 2008 behaviour, and what the benchmark compares against. */
    public static final SessionKeyPolicy KEY_PER_REPORT = new SessionKeyPolicy(1, Duration.ofHours(24));

    public SessionKeyPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxMessages < 1 || maxMessages > NIST_RANDOM_NONCE_LIMIT) {
            throw new IllegalArgumentException("maxMessages must be 1.." + NIST_RANDOM_NONCE_LIMIT);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }
}
