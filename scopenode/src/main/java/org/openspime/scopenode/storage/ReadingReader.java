package org.openspime.scopenode.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openspime.scopenode.reading.Location;
import org.openspime.scopenode.storage.ReadingColumns.Column;

/**
 * The read side of {@link JdbcReadingStore}: keyset pages in (ts, id) order, which both indexes serve directly so
 * that page 1,000 costs what page 1 costs, and per-bucket aggregates in SQL both engines run.
 */
final class ReadingReader {
    private final DataSource dataSource;
    private final ReadingColumns columns;
    private final SpimeKeys spimeKeys;

    ReadingReader(DataSource dataSource, ReadingColumns columns, SpimeKeys spimeKeys) {
        this.dataSource = dataSource;
        this.columns = columns;
        this.spimeKeys = spimeKeys;
    }

    ReadingPage query(ReadingQuery q) throws SQLException {
        List<Column> wanted = wanted(q.fields());
        Integer spimeKey = null;
        if (q.spimeId() != null) {
            spimeKey = spimeKeys.existingKey(q.spimeId());
            if (spimeKey == null) {
                return new ReadingPage(List.of(), null);
            }
        }
        ReadingCursor after = q.cursor() == null ? null : ReadingCursor.parse(q.cursor());
        StringBuilder sql = new StringBuilder("SELECT r.id, s.spime_id, r.report_id, r.reading_index, r.ts,"
                + " r.received_at, r.latitude, r.longitude, r.elevation");
        for (Column c : wanted) {
            sql.append(", r.").append(c.column());
        }
        sql.append(" FROM readings r JOIN spimes s ON s.spime_key = r.spime_key WHERE r.ts >= ? AND r.ts < ?");
        if (spimeKey != null) {
            sql.append(" AND r.spime_key = ?");
        }
        if (after != null) {
            sql.append(" AND (r.ts, r.id) > (?, ?)");
        }
        sql.append(" ORDER BY r.ts, r.id LIMIT ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setObject(p++, utc(q.range().from()));
            ps.setObject(p++, utc(q.range().to()));
            if (spimeKey != null) {
                ps.setInt(p++, spimeKey);
            }
            if (after != null) {
                ps.setObject(p++, utc(after.timestamp()));
                ps.setLong(p++, after.id());
            }
            ps.setInt(p, q.limit() + 1); // one more tells whether there is a next page
            List<StoredReading> out = new ArrayList<>();
            ReadingCursor last = null;
            boolean more = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (out.size() == q.limit()) {
                        more = true;
                        break;
                    }
                    Instant ts = rs.getObject(5, OffsetDateTime.class).toInstant();
                    out.add(reading(rs, ts, wanted));
                    last = new ReadingCursor(ts, rs.getLong(1));
                }
            }
            return new ReadingPage(List.copyOf(out), more ? last.format() : null);
        }
    }

    private static StoredReading reading(ResultSet rs, Instant ts, List<Column> wanted) throws SQLException {
        Location location = null;
        double lat = rs.getDouble(7);
        if (!rs.wasNull()) {
            double lon = rs.getDouble(8);
            double elev = rs.getDouble(9);
            location = new Location(lat, lon, rs.wasNull() ? null : elev);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int p = 10;
        for (Column c : wanted) {
            Object v = switch (c.type()) {
                case DECIMAL -> rs.getDouble(p);
                case INTEGER -> rs.getLong(p);
                case BOOLEAN -> rs.getBoolean(p);
                case TEXT -> rs.getString(p);
            };
            if (!rs.wasNull()) {
                values.put(c.field(), v);
            }
            p++;
        }
        return new StoredReading(rs.getString(2), rs.getString(3), rs.getInt(4), ts,
                rs.getObject(6, OffsetDateTime.class).toInstant(), location, values);
    }

    List<Bucket> aggregate(TimeRange range, Duration bucket, String field, String spimeId) throws SQLException {
        if (bucket.isNegative() || bucket.isZero() || bucket.getNano() != 0) {
            throw new IllegalArgumentException("bucket must be a whole number of seconds, at least one: " + bucket);
        }
        Column col = columns.column(field);
        if (col == null) {
            throw new IllegalArgumentException("no such field in this scope: " + field);
        }
        Integer spimeKey = null;
        if (spimeId != null) {
            spimeKey = spimeKeys.existingKey(spimeId);
            if (spimeKey == null) {
                return List.of();
            }
        }
        long seconds = bucket.getSeconds();
        boolean numeric = col.type().isNumeric();
        // The bucket length is a validated long, inlined so that the grouped expression is the selected one on
        // both engines. A subquery names the bucket once; FLOOR keeps buckets before 1970 right too.
        String v = numeric ? "CAST(" + col.column() + " AS DOUBLE PRECISION)" : col.column();
        String sql = "SELECT b, COUNT(v), " + (numeric ? "MIN(v), MAX(v), AVG(v)" : "NULL, NULL, NULL")
                + " FROM (SELECT FLOOR(EXTRACT(EPOCH FROM ts) / " + seconds + ") AS b, " + v + " AS v"
                + " FROM readings WHERE ts >= ? AND ts < ?" + (spimeKey != null ? " AND spime_key = ?" : "")
                + " AND " + col.column() + " IS NOT NULL) t GROUP BY b ORDER BY b";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(range.from()));
            ps.setObject(2, utc(range.to()));
            if (spimeKey != null) {
                ps.setInt(3, spimeKey);
            }
            List<Bucket> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant start = Instant.ofEpochSecond(rs.getLong(1) * seconds);
                    out.add(new Bucket(start, rs.getLong(2), doubleOrNull(rs, 3), doubleOrNull(rs, 4),
                            doubleOrNull(rs, 5)));
                }
            }
            return out;
        }
    }

    private List<Column> wanted(List<String> fields) {
        if (fields == null) {
            return columns.current();
        }
        List<Column> out = new ArrayList<>();
        for (String f : fields) {
            Column c = columns.column(f);
            if (c == null) {
                throw new IllegalArgumentException("no such field in this scope: " + f);
            }
            out.add(c);
        }
        return out;
    }

    private static Double doubleOrNull(ResultSet rs, int i) throws SQLException {
        double d = rs.getDouble(i);
        return rs.wasNull() ? null : d;
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
