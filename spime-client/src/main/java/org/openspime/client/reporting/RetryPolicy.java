package org.openspime.client.reporting;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits {@code first * 2^(n-1)}, capped at {@code max}, then drawn
 * uniformly from the upper half of that ("equal jitter"), so a thousand spimes that lost the same ScopeNode at the
 * same moment do not all come back at the same moment.
 */
public record RetryPolicy(Duration first, Duration max) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public RetryPolicy {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry delays must be positive, first <= max");
        }
    }

    /** The delay before the retry following attempt number {@code attempts} (1 = after the first send). */
    public Duration delayAfter(int attempts) {
        long cap = max.toMillis();
        long base = first.toMillis();
        for (int i = 1; i < attempts && base < cap; i++) {
            base *= 2;
        }
        base = Math.min(base, cap);
        long half = base / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(base - half + 1));
    }
}
