package org.openspime.gate.federation.inbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inbound stanza rate per peer domain, across all of that peer's streams: a token bucket per domain, sustained
 * {@code perSecond}, bursts of five seconds' worth. The rate is measured where stanzas are handled, so a gate
 * that stalled (GC, a busy machine) and then works off its backlog sees a burst that the peer never sent: the
 * generous burst keeps that from being punished. Several streams of one peer may be handled at once, so each
 * bucket is locked; that costs tens of nanoseconds next to the stanza's parsing.
 */
final class PeerRateLimit {
    private final int perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PeerRateLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    boolean tryAcquire(String domain) {
        if (perSecond <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(domain, d -> new Bucket(perSecond)).tryAcquire();
    }

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int perSecond) {
            perNano = perSecond / 1e9;
            capacity = 5.0 * perSecond;
            tokens = capacity;
        }

        synchronized boolean tryAcquire() {
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
}
