package org.openspime.scopenode.storage;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.scope.FieldType;
import org.openspime.scopenode.scope.FormatCheck;
import org.openspime.scopenode.storage.ReadingColumns.Column;
import org.openspime.sql.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReadingStore} on the ScopeNode's database (H2 or PostgreSQL, same SQL).
 *
 * <p>A batch is one transaction: the readings go in as one JDBC batch of single-row INSERTs, which the PostgreSQL
 * driver rewrites into multi-row INSERTs when the URL carries {@code reWriteBatchedInserts=true}, then commit.
 * Duplicates are left to the unique constraint rather than looked up first, since only retries carry them: when the
 * insert hits it, the transaction is rolled back, the reports already stored are found with one index probe each,
 * and the others are inserted again. A report repeated within the batch is inserted once.
 *
 * <p>Replays. The first reading's row of a report keeps the SHA-256 of its data document. A report whose (spime,
 * id) is already stored is a {@link StoreOutcome#DUPLICATE} when the digests match (or either is unknown) and a
 * {@link StoreOutcome#REPLAY} when they differ; neither is stored. The check costs nothing on the normal path: the
 * digest is only read back on the probe that a unique violation triggers.
 */
public final class JdbcReadingStore implements ReadingStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcReadingStore.class);

    private final Database database;
    private final ReadingColumns columns;
    private final SpimeKeys spimeKeys;
    private final String insertSql;
    private final ReadingReader reader;

    /** Opens the store on a migrated database, adding a value column for each newly declared field. */
    public JdbcReadingStore(Database database, DataFormat format) throws StoreException {
        this.database = database;
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            this.columns = ReadingColumns.reconcile(c, format);
            c.commit();
            if (database.engine() == Database.Engine.POSTGRESQL
                    && !c.getMetaData().getURL().toLowerCase().contains("rewritebatchedinserts=true")) {
                log.warn("PostgreSQL URL without reWriteBatchedInserts=true: batched ingestion runs at about half"
                        + " the rate it could");
            }
        } catch (SQLException e) {
            throw StoreException.of("could not prepare the readings table", e);
        }
        this.spimeKeys = new SpimeKeys(database.dataSource());
        this.reader = new ReadingReader(database.dataSource(), columns, spimeKeys);
        StringBuilder cols = new StringBuilder(
                "spime_key, report_id, reading_index, ts, received_at, latitude, longitude, elevation, data_digest");
        StringBuilder marks = new StringBuilder("?, ?, ?, ?, ?, ?, ?, ?, ?");
        for (Column col : columns.current()) {
            cols.append(", ").append(col.column());
            marks.append(", ?");
        }
        this.insertSql = "INSERT INTO readings (" + cols + ") VALUES (" + marks + ")";
    }

    @Override
    public List<StoreOutcome> storeBatch(List<IncomingReport> reports) throws StoreException {
        if (reports.isEmpty()) {
            return List.of();
        }
        int[] keys = new int[reports.size()];
        try {
            Map<String, Integer> byId = spimeKeys.keysOf(reports.stream().map(IncomingReport::spimeId).toList());
            for (int i = 0; i < keys.length; i++) {
                keys[i] = byId.get(reports.get(i).spimeId());
            }
        } catch (SQLException e) {
            throw StoreException.of("could not register the reporting spimes", e);
        }
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                try {
                    List<StoreOutcome> outcomes = insert(c, reports, keys, Map.of());
                    c.commit();
                    return outcomes;
                } catch (SQLException e) {
                    if (!SqlFailures.isUniqueViolation(e)) {
                        throw e;
                    }
                    // Some report of the batch was stored before (a retry): find which, store the others.
                    c.rollback();
                    List<StoreOutcome> outcomes = insert(c, reports, keys, alreadyStored(c, reports, keys));
                    c.commit();
                    return outcomes;
                }
            } catch (SQLException | RuntimeException | AssertionError e) {
                // pgjdbc run with -ea throws AssertionError when the connection dies inside executeBatch. Whatever
                // was thrown, a connection that is gone says the failure was the connection's, not the data's.
                boolean lost = isLost(c);
                rollbackQuietly(c);
                if (lost) {
                    throw new StoreException("connection lost while storing a batch of " + reports.size()
                            + " reports: " + e, e, true);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.of("could not store a batch of " + reports.size() + " reports", e);
        }
    }

    private static boolean isLost(Connection c) {
        try {
            return c.isClosed() || !c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Inserts the readings of the reports not in {@code stored} nor repeated earlier in the batch; {@code stored}
     * maps each report stored before to its digest (an empty optional when it has none).
     */
    private List<StoreOutcome> insert(Connection c, List<IncomingReport> reports, int[] keys,
                                      Map<ReportKey, Optional<byte[]>> stored) throws SQLException {
        Map<ReportKey, Optional<byte[]>> inBatch = new HashMap<>();
        List<StoreOutcome> outcomes = new ArrayList<>(reports.size());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(insertSql)) {
            int rows = 0;
            for (int i = 0; i < reports.size(); i++) {
                IncomingReport report = reports.get(i);
                ReportKey key = new ReportKey(keys[i], report.reportId());
                Optional<byte[]> earlier = stored.containsKey(key) ? stored.get(key) : inBatch.get(key);
                if (earlier != null) {
                    outcomes.add(sameData(earlier, report.dataDigest()) ? StoreOutcome.DUPLICATE : StoreOutcome.REPLAY);
                    continue;
                }
                inBatch.put(key, Optional.ofNullable(report.dataDigest()));
                List<IncomingReading> readings = report.readings();
                for (int r = 0; r < readings.size(); r++) {
                    bind(ps, key, r, readings.get(r), r == 0 ? report.dataDigest() : null, now);
                    ps.addBatch();
                    rows++;
                }
                outcomes.add(StoreOutcome.STORED);
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
        return outcomes;
    }

    /** A retry unless both digests are known and differ. */
    private static boolean sameData(Optional<byte[]> earlier, byte[] digest) {
        return earlier.isEmpty() || digest == null || MessageDigest.isEqual(earlier.get(), digest);
    }

    private void bind(PreparedStatement ps, ReportKey key, int index, IncomingReading reading, byte[] digest,
                      OffsetDateTime now) throws SQLException {
        ps.setInt(1, key.spimeKey());
        ps.setString(2, key.reportId());
        ps.setInt(3, index);
        ps.setObject(4, OffsetDateTime.ofInstant(reading.timestamp(), ZoneOffset.UTC));
        ps.setObject(5, now);
        if (reading.location() == null) {
            ps.setNull(6, Types.DOUBLE);
            ps.setNull(7, Types.DOUBLE);
            ps.setNull(8, Types.DOUBLE);
        } else {
            ps.setDouble(6, reading.location().latitude());
            ps.setDouble(7, reading.location().longitude());
            if (reading.location().elevation() == null) {
                ps.setNull(8, Types.DOUBLE);
            } else {
                ps.setDouble(8, reading.location().elevation());
            }
        }
        if (digest == null) {
            ps.setNull(9, Types.BINARY);
        } else {
            ps.setBytes(9, digest);
        }
        int p = 10;
        for (Column col : columns.current()) {
            ValueBinding.bind(ps, p++, col, reading.values().get(col.field()));
        }
    }

    /**
     * The reports of the batch that an earlier transaction stored (their reading 0 exists), one lookup per report
     * on the unique index. Only run when the plain insert hit the unique constraint, which only retries do. An
     * equality lookup on every column of a unique index is planned as an index probe whatever the statistics say;
     * a single join of the batch against readings (UNNEST of arrays) was tried first and, on a fresh table that
     * autovacuum had not analyzed yet, was planned as a hash join over a sequential scan: ingestion fell below
     * 100 rows/s at 100,000 rows.
     */
    private static Map<ReportKey, Optional<byte[]>> alreadyStored(Connection c, List<IncomingReport> reports,
                                                                  int[] keys) throws SQLException {
        Map<ReportKey, Optional<byte[]>> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data_digest FROM readings"
                + " WHERE spime_key = ? AND report_id = ? AND reading_index = 0")) {
            for (int i = 0; i < reports.size(); i++) {
                ReportKey key = new ReportKey(keys[i], reports.get(i).reportId());
                if (found.containsKey(key)) {
                    continue;
                }
                ps.setInt(1, key.spimeKey());
                ps.setString(2, key.reportId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.put(key, Optional.ofNullable(rs.getBytes(1)));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public ReadingPage query(ReadingQuery query) throws StoreException {
        try {
            return reader.query(query);
        } catch (SQLException e) {
            throw StoreException.of("could not query readings", e);
        }
    }

    @Override
    public List<Bucket> aggregate(TimeRange range, Duration bucket, String field, String spimeId)
            throws StoreException {
        try {
            return reader.aggregate(range, bucket, field, spimeId);
        } catch (SQLException e) {
            throw StoreException.of("could not aggregate field " + field, e);
        }
    }

    @Override
    public long deleteOlderThan(Instant cutoff) throws StoreException {
        try {
            return new Retention(database.dataSource()).deleteOlderThan(cutoff);
        } catch (SQLException e) {
            throw StoreException.of("could not delete readings older than " + cutoff, e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed (connection probably lost): {}", e.toString());
        }
    }

    private record ReportKey(int spimeKey, String reportId) {
    }

    /** Binds a reading's value in its column's SQL type. */
    static final class ValueBinding {
        private ValueBinding() {
        }

        static void bind(PreparedStatement ps, int p, Column col, Object value) throws SQLException {
            FieldType t = col.type();
            if (value == null) {
                ps.setNull(p, switch (t) {
                    case DECIMAL -> Types.DOUBLE;
                    case INTEGER -> Types.BIGINT;
                    case BOOLEAN -> Types.BOOLEAN;
                    case TEXT -> Types.VARCHAR;
                });
                return;
            }
            Object v = FormatCheck.convert(t, value);
            if (v == null) {
                throw new IllegalArgumentException("value of field " + col.field() + " is not " + t.fileName()
                        + ": '" + value + "' (check readings with FormatCheck before storing them)");
            }
            switch (t) {
                case DECIMAL -> ps.setDouble(p, (Double) v);
                case INTEGER -> ps.setLong(p, (Long) v);
                case BOOLEAN -> ps.setBoolean(p, (Boolean) v);
                case TEXT -> ps.setString(p, (String) v);
                default -> throw new AssertionError(t);
            }
        }
    }
}
