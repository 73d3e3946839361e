package org.openspime.client.outbox;

/**
 * How much the outbox holds before it refuses new reports ({@link OutboxFullException}): a spime cut off from its
 * ScopeNode for days must not fill its disk, and must say so rather than drop readings silently.
 */
public record OutboxLimits(int maxEntries, long maxBytes) {

    public static final OutboxLimits DEFAULT = new OutboxLimits(10_000, 256L * 1024 * 1024);

    public OutboxLimits {
        if (maxEntries <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("outbox limits must be positive");
        }
    }
}
