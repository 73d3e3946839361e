package org.openspime.scopenode.storage;

import java.time.Instant;
import java.util.Objects;

/** Reading times from {@code from} (inclusive) to {@code to} (exclusive). */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("time range ends before it starts: " + from + " .. " + to);
        }
    }
}
