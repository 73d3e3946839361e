package org.openspime.scopenode.http;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.storage.ReadingQuery;
import org.openspime.scopenode.storage.TimeRange;

/**
 * The query parameters of the API, each checked with a message naming it: {@code from} and {@code to}
 * (ISO-8601 instants, {@code from} inclusive, {@code to} exclusive; default the last 24 hours up to now),
 * {@code spime} (one SpimeID), {@code fields} (comma-separated names the scope declares), {@code limit}
 * (1 to 10,000), {@code after} (the cursor of the previous page), {@code field} and {@code bucket}
 * (an ISO-8601 duration of whole seconds, e.g. {@code PT1M}).
 */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 1_000;
    /** A chart needs no more points than this; a finer bucket over a long range is refused. */
    static final long MAX_BUCKETS = 100_000;

    private final HttpServletRequest request;
    private final DataFormat format;

    QueryParameters(HttpServletRequest request, DataFormat format) {
        this.request = request;
        this.format = format;
    }

    TimeRange range(Instant now) throws BadParameterException {
        Instant to = instant("to", now);
        Instant from = instant("from", to.minus(Duration.ofDays(1)));
        if (to.isBefore(from)) {
            throw new BadParameterException("to", "to (" + to + ") is before from (" + from + ")");
        }
        return new TimeRange(from, to);
    }

    String spime() {
        String v = request.getParameter("spime");
        return v == null || v.isBlank() ? null : v.trim();
    }

    List<String> fields() throws BadParameterException {
        String v = request.getParameter("fields");
        if (v == null || v.isBlank()) {
            return null;
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String part : v.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (format.field(name) == null) {
                throw new BadParameterException("fields", "the scope declares no field '" + name + "'");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new BadParameterException("fields", "no field named");
        }
        return new ArrayList<>(names);
    }

    String field() throws BadParameterException {
        String v = request.getParameter("field");
        if (v == null || v.isBlank()) {
            throw new BadParameterException("field", "field is required: the name of the field to aggregate");
        }
        if (format.field(v.trim()) == null) {
            throw new BadParameterException("field", "the scope declares no field '" + v.trim() + "'");
        }
        return v.trim();
    }

    int limit() throws BadParameterException {
        String v = request.getParameter("limit");
        if (v == null || v.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(v.trim());
            if (limit >= 1 && limit <= ReadingQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException("limit", "limit must be a whole number from 1 to " + ReadingQuery.MAX_LIMIT
                + ", not '" + v + "'");
    }

    String after() {
        String v = request.getParameter("after");
        return v == null || v.isBlank() ? null : v.trim();
    }

    Duration bucket(TimeRange range) throws BadParameterException {
        String v = request.getParameter("bucket");
        Duration bucket;
        try {
            bucket = v == null || v.isBlank() ? Duration.ofMinutes(1) : Duration.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException("bucket", "bucket must be an ISO-8601 duration such as PT1M or PT1H, not '"
                    + v + "'");
        }
        if (bucket.getNano() != 0 || bucket.getSeconds() < 1) {
            throw new BadParameterException("bucket", "bucket must be a whole number of seconds, at least PT1S");
        }
        long buckets = Duration.between(range.from(), range.to()).getSeconds() / bucket.getSeconds();
        if (buckets > MAX_BUCKETS) {
            throw new BadParameterException("bucket", "bucket " + bucket + " makes " + buckets + " buckets over the"
                    + " range; at most " + MAX_BUCKETS + " (choose a longer bucket or a shorter range)");
        }
        return bucket;
    }

    private Instant instant(String name, Instant fallback) throws BadParameterException {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, name + " must be an ISO-8601 time with offset such as"
                    + " 2026-03-01T12:00:00Z, not '" + v + "'");
        }
    }
}
