package org.openspime.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.openspime.scopenode.scope.ScopeFile;
import org.openspime.scopenode.storage.JdbcReadingStore;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;

/**
 * {@code pg-raw}: PostgreSQL's own rate for the rows the data path stores, as the yardstick for it. The same
 * schema (the ScopeNode's migrations, and the value columns {@link JdbcReadingStore} adds for {@link BenchScope}),
 * the same row shape (reports of {@code --batch} readings: report id, index, time, location, three values, the
 * data digest on a report's first row), one thread, a JDBC batch of single-row INSERTs rewritten by the driver
 * ({@code reWriteBatchedInserts=true}) and one commit per {@code --commit-rows} rows (500, what the ScopeNode's
 * ingest queue commits at most at once). None of the ScopeNode's work: no duplicate check, no spime lookup.
 */
final class PgRawBenchmark {
    private static final int SPIMES = 1_000;

    private PgRawBenchmark() {
    }

    static void run(Options options) throws Exception {
        int rows = options.integer("rows", 600_000);
        int warmup = options.integer("warmup-rows", 60_000);
        int batch = options.integer("batch", 40);
        int commitRows = options.integer("commit-rows", 500);
        Path dir = Files.createTempDirectory("openspime-bench-pgraw-");
        try (BenchDatabase db = BenchDatabase.create()) {
            Files.writeString(dir.resolve("scope.conf"), BenchScope.FILE);
            try (Database schema = Database.open(db.url(), BenchDatabase.USER, "", dir, Schema.SCOPENODE, 2)) {
                new JdbcReadingStore(schema, ScopeFile.load(dir.resolve("scope.conf")).format());
            }
            SplittableRandom random = new SplittableRandom(42);
            insert(db, "w", warmup, batch, commitRows, random);
            long t0 = System.nanoTime();
            long cpu0 = Bench.ownCpuMillis();
            insert(db, "m", rows, batch, commitRows, random);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("RESULT pg-raw rows=%d batch=%d commit-rows=%d rate=%.0f rows/s (%.1f s, %d rows already"
                            + " in the table) client-cpu-ms-per-1000-rows=%.1f load=%s%n", rows, batch, commitRows,
                    rows / seconds, seconds, warmup, (Bench.ownCpuMillis() - cpu0) * 1000.0 / rows, Bench.loadAverage());
        } finally {
            Bench.deleteTree(dir);
        }
    }

    private static void insert(BenchDatabase db, String prefix, int rows, int batch, int commitRows,
                               SplittableRandom random) throws Exception {
        HexFormat hex = HexFormat.of();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO readings (spime_key,"
                + " report_id, reading_index, ts, received_at, latitude, longitude, elevation, data_digest, v_co2,"
                + " v_temperature, v_window_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            String reportId = null;
            byte[] digest = new byte[32];
            for (int i = 0; i < rows; i++) {
                int index = i % batch;
                if (index == 0) {
                    reportId = prefix + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
                    random.nextBytes(digest);
                }
                ps.setInt(1, (i / batch) % SPIMES);
                ps.setString(2, reportId);
                ps.setInt(3, index);
                ps.setObject(4, now.plusNanos(i * 1_000L));
                ps.setObject(5, now);
                ps.setDouble(6, 45.46 + random.nextDouble(0.05));
                ps.setDouble(7, 9.18 + random.nextDouble(0.05));
                ps.setDouble(8, 120 + random.nextInt(50));
                ps.setBytes(9, index == 0 ? digest : null);
                ps.setLong(10, 400 + random.nextInt(1600));
                ps.setDouble(11, (1500 + random.nextInt(1300)) / 100.0);
                ps.setBoolean(12, random.nextBoolean());
                ps.addBatch();
                if ((i + 1) % commitRows == 0 || i == rows - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
    }
}
