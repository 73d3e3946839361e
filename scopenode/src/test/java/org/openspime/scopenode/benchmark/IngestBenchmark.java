package org.openspime.scopenode.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openspime.scopenode.ingest.IngestQueue;
import org.openspime.scopenode.ingest.IngestSettings;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.reading.Location;
import org.openspime.scopenode.storage.JdbcReadingStore;
import org.openspime.scopenode.storage.StoreOutcome;
import org.openspime.scopenode.testing.Readings;
import org.openspime.scopenode.testing.TestDatabase;
import org.openspime.scopenode.testing.TestDatabase.Kind;

/**
 * Readings stored per second on the real PostgreSQL: {@link IngestQueue} (submitters on several threads, one
 * reading per report from 1,000 spimes, futures awaited) against a raw JDBC batched insert of the same rows into
 * the same table, one thread, one transaction per batch. Both with {@code reWriteBatchedInserts=true}.
 *
 * <p>Then ack latency at a paced offered load (one-reading reports at a fixed rate for a few seconds each), which is
 * what a spime sees: p50 and p99 of submit-to-future-completion.
 *
 * <p>Arguments: {@code [rows per run, default 200000] [batch rows, default 500] [max delay ms, default 5]
 * [submitter threads, default 8] [paced rates, comma-separated reports/s, default 5000,10000]}.
 */
public final class IngestBenchmark {
    private static final int SPIMES = 1_000;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int delayMs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String paced = args.length > 4 ? args[4] : "5000,10000";
        Path dir = Files.createTempDirectory("ingest-bench");
        try (TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, dir, 4)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            System.out.printf("rows per run %d, batch %d rows, max delay %d ms, %d submitter threads%n", rows,
                    batch, delayMs, threads);
            raw(db, rows / 10, batch, "warm-up");
            truncate(db);
            double rawRate = raw(db, rows, batch, "raw JDBC batch");
            truncate(db);
            IngestSettings settings = new IngestSettings(batch, Duration.ofMillis(delayMs), 20_000,
                    Duration.ofSeconds(1));
            queue(store, settings, "w", rows / 10, threads, "warm-up");
            truncate(db);
            double queueRate = queue(store, settings, "q", rows, threads, "IngestQueue");
            System.out.printf("IngestQueue / raw = %.2f%n", queueRate / rawRate);
            for (String rate : paced.split(",")) {
                truncate(db);
                paced(store, settings, Integer.parseInt(rate.trim()), 5);
            }
        }
    }

    /** Inserts rows the way JdbcReadingStore does, minus the queue, the futures and the duplicate check. */
    private static double raw(TestDatabase db, int rows, int batch, String label) throws Exception {
        long start = System.nanoTime();
        try (Connection c = db.database().connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO readings (spime_key, report_id, reading_index, ts, received_at, latitude, longitude,"
                        + " elevation, v_co2, v_temperature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < rows; i++) {
                ps.setInt(1, i % SPIMES);
                ps.setString(2, "raw-" + i);
                ps.setInt(3, 0);
                ps.setObject(4, OffsetDateTime.ofInstant(Readings.T0.plusMillis(i), ZoneOffset.UTC));
                ps.setObject(5, now);
                ps.setDouble(6, 45.07);
                ps.setDouble(7, 7.69);
                ps.setDouble(8, 240);
                ps.setLong(9, 400 + i % 1000);
                ps.setDouble(10, 20.5);
                ps.addBatch();
                if ((i + 1) % batch == 0 || i == rows - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        double rate = rows / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%-15s %,9d rows  %,9.0f rows/s%n", label, rows, rate);
        return rate;
    }

    private static double queue(JdbcReadingStore store, IngestSettings settings, String prefix, int rows,
                                int threads, String label) throws Exception {
        IngestQueue queue = new IngestQueue(store, settings);
        long[] latencies = new long[rows];
        CountDownLatch done = new CountDownLatch(rows);
        List<Thread> submitters = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            submitters.add(new Thread(() -> {
                for (int i = first; i < rows; i += threads) {
                    int n = i;
                    IncomingReport r = new IncomingReport("spime" + (n % SPIMES) + "@gate.example/spime",
                            prefix + n, List.of(new IncomingReading(Instant.ofEpochMilli(n),
                            new Location(45.07, 7.69, 240.0), Map.of("co2", 400L + n % 1000, "temperature", 20.5))));
                    long t0 = System.nanoTime();
                    CompletableFuture<StoreOutcome> ack = queue.submit(r, Duration.ofSeconds(60));
                    ack.whenComplete((o, e) -> {
                        latencies[n] = System.nanoTime() - t0;
                        if (e != null) {
                            System.err.println("report " + n + " failed: " + e);
                        }
                        done.countDown();
                    });
                }
            }));
        }
        submitters.forEach(Thread::start);
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("acks missing");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        queue.close();
        Arrays.sort(latencies);
        double rate = rows / seconds;
        System.out.printf("%-15s %,9d rows  %,9.0f rows/s  %,d batches (avg %.0f rows)  ack latency p50 %.1f ms"
                        + " p99 %.1f ms (saturated: submitters outrun the writer, so latency is queueing)%n", label,
                rows, rate, queue.batchesCommitted(), (double) rows / queue.batchesCommitted(),
                latencies[rows / 2] / 1e6, latencies[(int) (rows * 0.99)] / 1e6);
        return rate;
    }

    /** Submits one-reading reports at a fixed rate from one thread for some seconds; prints ack latencies. */
    private static void paced(JdbcReadingStore store, IngestSettings settings, int perSecond, int seconds)
            throws Exception {
        IngestQueue queue = new IngestQueue(store, settings);
        int total = perSecond * seconds;
        long[] latencies = new long[total];
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = start + (long) (n * 1e9 / perSecond);
            while (System.nanoTime() < due) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
            }
            int i = n;
            IncomingReport r = new IncomingReport("spime" + (n % SPIMES) + "@gate.example/spime", "p" + perSecond
                    + "-" + n, List.of(new IncomingReading(Instant.ofEpochMilli(n), null, Map.of("co2", 400L))));
            long t0 = System.nanoTime();
            queue.submit(r, Duration.ofSeconds(60)).whenComplete((o, e) -> {
                latencies[i] = System.nanoTime() - t0;
                done.countDown();
            });
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        done.await(5, TimeUnit.MINUTES);
        queue.close();
        Arrays.sort(latencies);
        System.out.printf("paced %,6d/s (achieved %,.0f/s offered)  %,d batches (avg %.0f rows)  ack p50 %.1f ms"
                        + "  p99 %.1f ms  max %.1f ms%n", perSecond, total / offeredSeconds,
                queue.batchesCommitted(), (double) total / queue.batchesCommitted(), latencies[total / 2] / 1e6,
                latencies[(int) (total * 0.99)] / 1e6, latencies[total - 1] / 1e6);
    }

    private static void truncate(TestDatabase db) throws Exception {
        try (Connection c = db.database().connection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE readings");
            s.execute("VACUUM ANALYZE readings");
        }
    }
}
