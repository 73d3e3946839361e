package org.openspime.gate.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.openspime.gate.identity.IdentityQuery;

/**
 * Remembers, for a few seconds, how many identities match a filter, so that paging through 100,000 identities
 * counts them once rather than on every page. Changes made through the console forget every total at once;
 * changes from the CLI or another gate process show in the totals within {@link #ttl}. Only totals are cached,
 * never the rows of a page.
 */
public final class IdentityTotals {
    /** Distinct filters remembered at most; operators type searches, so the map must not grow without end. */
    private static final int MAX_FILTERS = 256;

    private final Clock clock;
    private final Duration ttl;
    private final Map<Filter, Total> totals = new ConcurrentHashMap<>();

    public IdentityTotals(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    private record Filter(Object kind, Object state, String search) {
    }

    private record Total(long count, Instant at) {
    }

    long count(IdentityQuery query, LongSupplier counter) {
        Filter f = new Filter(query.kind(), query.state(), query.search());
        Instant now = clock.instant();
        Total t = totals.get(f);
        if (t != null && t.at().plus(ttl).isAfter(now)) {
            return t.count();
        }
        if (totals.size() >= MAX_FILTERS) {
            totals.clear();
        }
        long n = counter.getAsLong();
        totals.put(f, new Total(n, now));
        return n;
    }

    void changed() {
        totals.clear();
    }
}
