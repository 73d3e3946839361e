package org.openspime.client.talk;

import java.time.Duration;
import java.util.Objects;

/**
 * How fresh a talk message must be: signed at most {@code maxAge} ago and at most {@code maxSkew} in the future.
 * Ids are remembered for {@code maxAge + maxSkew}, so a message cannot be replayed while it would still be fresh;
 * at most {@code maxRemembered} ids are kept (the oldest are forgotten first — and refused as stale soon after).
 */
public record TalkPolicy(Duration maxAge, Duration maxSkew, int maxRemembered) {

    public static final TalkPolicy DEFAULT = new TalkPolicy(Duration.ofMinutes(5), Duration.ofMinutes(1), 100_000);

    public TalkPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(maxSkew, "maxSkew");
        if (maxAge.isNegative() || maxSkew.isNegative() || maxRemembered <= 0) {
            throw new IllegalArgumentException("talk windows must not be negative");
        }
    }
}
