package org.openspime.scopenode.storage;

import java.util.List;
import java.util.Objects;

/**
 * A page of readings in time order.
 *
 * @param range   the reading times wanted
 * @param spimeId only this SpimeID's readings, or null for all
 * @param fields  only these fields' values, or null for every field
 * @param limit   at most this many readings, 1 to {@value #MAX_LIMIT}
 * @param cursor  the {@link ReadingPage#nextCursor()} of the previous page, or null for the first page
 */
public record ReadingQuery(TimeRange range, String spimeId, List<String> fields, int limit, String cursor) {
    public static final int MAX_LIMIT = 10_000;

    public ReadingQuery {
        Objects.requireNonNull(range, "range");
        fields = fields == null ? null : List.copyOf(fields);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
    }

    public static ReadingQuery firstPage(TimeRange range, int limit) {
        return new ReadingQuery(range, null, null, limit, null);
    }

    public ReadingQuery next(ReadingPage page) {
        return new ReadingQuery(range, spimeId, fields, limit, page.nextCursor());
    }
}
