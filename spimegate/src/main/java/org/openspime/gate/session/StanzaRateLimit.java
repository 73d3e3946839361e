package org.openspime.gate.session;

/**
 * A token bucket per connection: {@code perSecond} stanzas sustained, bursts up to two seconds' worth. A
 * connection that empties it is flooding and is cut off with {@code policy-violation}; everyone else keeps
 * being served. Only the connection's ordered executor touches it, so it needs no locking.
 */
final class StanzaRateLimit {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    StanzaRateLimit(int perSecond) {
        this.perNano = perSecond / 1e9;
        this.capacity = Math.max(1, 2.0 * perSecond);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /** Takes one token; false when the bucket is empty. */
    boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
