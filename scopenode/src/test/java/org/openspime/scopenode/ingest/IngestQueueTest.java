package org.openspime.scopenode.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.scopenode.testing.Readings.T0;
import static org.openspime.scopenode.testing.Readings.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.storage.JdbcReadingStore;
import org.openspime.scopenode.storage.StoreOutcome;
import org.openspime.scopenode.testing.Readings;
import org.openspime.scopenode.testing.TestDatabase;
import org.openspime.scopenode.testing.TestDatabase.Kind;

/** Runs on the embedded H2 and on the real PostgreSQL. */
class IngestQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aReportIsAcknowledgedOnlyOnceItsTransactionHasCommitted(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            IngestQueue queue = new IngestQueue(store, new IngestSettings(50, Duration.ofMillis(2), 1000,
                    Duration.ofMillis(200)));
            AtomicInteger invisibleAtAck = new AtomicInteger();
            List<CompletableFuture<StoreOutcome>> acks = new ArrayList<>();
            try (Connection observer = db.database().connection()) {
                List<Thread> submitters = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    String spime = "s" + t + "@gate.example/spime";
                    submitters.add(new Thread(() -> {
                        for (int i = 0; i < 100; i++) {
                            String id = "r" + i;
                            CompletableFuture<StoreOutcome> ack = queue.submit(report(spime, id, i, 400 + i, 20), WAIT)
                                    // What the ScopeNode does when it sends the IQ result: by then another
                                    // connection must already see the report.
                                    .thenApply(outcome -> {
                                        if (!visible(observer, spime, id)) {
                                            invisibleAtAck.incrementAndGet();
                                        }
                                        return outcome;
                                    });
                            synchronized (acks) {
                                acks.add(ack);
                            }
                        }
                    }));
                }
                submitters.forEach(Thread::start);
                for (Thread t : submitters) {
                    t.join();
                }
                for (CompletableFuture<StoreOutcome> ack : acks) {
                    assertThat(ack.get(10, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
                }
            }
            queue.close();
            assertThat(invisibleAtAck).hasValue(0);
            assertThat(queue.reportsCommitted()).isEqualTo(400);
            assertThat(queue.batchesCommitted()).as("reports share transactions").isLessThan(400);
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aResentReportIsAcknowledgedAsDuplicateAndStoredOnce(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            IngestQueue queue = new IngestQueue(new JdbcReadingStore(db.database(), Readings.format()),
                    IngestSettings.DEFAULTS);
            IncomingReport r = report("a@gate.example/spime", "r1", 0, 500, 20);

            assertThat(queue.submit(r, WAIT).get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
            assertThat(queue.submit(r, WAIT).get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.DUPLICATE);
            CompletableFuture<StoreOutcome> again1 = queue.submit(r, WAIT);
            CompletableFuture<StoreOutcome> again2 = queue.submit(r, WAIT);
            assertThat(again1.get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.DUPLICATE);
            assertThat(again2.get(5, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.DUPLICATE);
            queue.close();
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aReportTheDatabaseRefusesFailsAloneAndItsBatchMatesAreStored(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            // A long delay puts all six in one batch.
            IngestQueue queue = new IngestQueue(new JdbcReadingStore(db.database(), Readings.format()),
                    new IngestSettings(500, Duration.ofMillis(300), 100, Duration.ofMillis(100)));
            List<CompletableFuture<StoreOutcome>> acks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                IncomingReport r = i == 3
                        ? new IncomingReport("a@gate.example/spime", "bad", List.of(
                                new IncomingReading(T0, null, Map.of("co2", "not a number"))))
                        : report("a@gate.example/spime", "r" + i, i, 400, 20);
                acks.add(queue.submit(r, WAIT));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(5, TimeUnit.SECONDS);
            queue.close();

            for (int i = 0; i < 6; i++) {
                if (i == 3) {
                    assertThat(acks.get(i)).isCompletedExceptionally();
                    try {
                        acks.get(i).get();
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining("co2");
                    }
                } else {
                    assertThat(acks.get(i).get()).isEqualTo(StoreOutcome.STORED);
                }
            }
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aCommitWhoseAnswerWasLostIsRetriedAndAcknowledgedAsDuplicateNotStoredTwice(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            FlakyStore store = new FlakyStore(new JdbcReadingStore(db.database(), Readings.format()));
            store.lostAnswers.set(3);
            IngestQueue queue = new IngestQueue(store, new IngestSettings(20, Duration.ZERO, 1000,
                    Duration.ofMillis(50)));
            List<CompletableFuture<StoreOutcome>> acks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                acks.add(queue.submit(report("a@gate.example/spime", "r" + i, i, 400, 20), WAIT));
            }
            int duplicates = 0;
            for (CompletableFuture<StoreOutcome> ack : acks) {
                if (ack.get(10, TimeUnit.SECONDS) == StoreOutcome.DUPLICATE) {
                    duplicates++;
                }
            }
            queue.close();

            assertThat(queue.retries()).isEqualTo(3);
            assertThat(duplicates).as("the reports of the batches whose commit answer was lost").isPositive();
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(200);
            assertThat(count(db, "SELECT COUNT(DISTINCT report_id) FROM readings")).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void batchesStayWithinTheirRowBudgetWhenReportsCarryManyReadings(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            FlakyStore store = new FlakyStore(new JdbcReadingStore(db.database(), Readings.format()));
            IngestQueue queue = new IngestQueue(store, new IngestSettings(100, Duration.ofMillis(50), 1000,
                    Duration.ofMillis(50)));
            List<CompletableFuture<StoreOutcome>> acks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                acks.add(queue.submit(Readings.multi("a@gate.example/spime", "r" + i, i * 30L, 30), WAIT));
            }
            acks.add(queue.submit(Readings.multi("a@gate.example/spime", "big", 10_000, 150), WAIT));
            for (CompletableFuture<StoreOutcome> ack : acks) {
                assertThat(ack.get(10, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
            }
            queue.close();

            assertThat(store.batchRows).as("90-row batches, and the 150-row report alone").contains(90, 150)
                    .allMatch(rows -> rows <= 100 || rows == 150);
            assertThat(store.batchRows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(750);
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(750);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aFullQueueRefusesAfterTheWaitAndCloseWritesWhatIsQueued(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            GatedStore gated = new GatedStore(new JdbcReadingStore(db.database(), Readings.format()));
            IngestQueue queue = new IngestQueue(gated, new IngestSettings(1, Duration.ZERO, 3,
                    Duration.ofMillis(50)));
            List<CompletableFuture<StoreOutcome>> accepted = new ArrayList<>();
            accepted.add(queue.submit(report("a@gate.example/spime", "r0", 0, 400, 20), WAIT));
            gated.writerInside.await(); // the writer holds r0 and is blocked in the store
            for (int i = 1; i <= 3; i++) {
                accepted.add(queue.submit(report("a@gate.example/spime", "r" + i, i, 400, 20), WAIT));
            }
            CompletableFuture<StoreOutcome> refused =
                    queue.submit(report("a@gate.example/spime", "r4", 4, 400, 20), Duration.ofMillis(50));
            assertThat(refused).isCompletedExceptionally();
            assertThat(accepted).noneMatch(CompletableFuture::isDone);

            gated.open.countDown();
            queue.close();
            for (CompletableFuture<StoreOutcome> ack : accepted) {
                assertThat(ack.get()).isEqualTo(StoreOutcome.STORED);
            }
            assertThat(queue.submit(report("a@gate.example/spime", "r5", 5, 400, 20), WAIT))
                    .isCompletedExceptionally();
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aBacklogOlderThanTheLimitRefusesAtOnceAndTakesAgainOnceCaughtUp(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            GatedStore gated = new GatedStore(new JdbcReadingStore(db.database(), Readings.format()));
            IngestQueue queue = new IngestQueue(gated, new IngestSettings(1, Duration.ZERO, 1000,
                    Duration.ofMillis(50)));
            Duration backlog = Duration.ofMillis(200);
            CompletableFuture<StoreOutcome> r0 = queue.submit(report("a@gate.example/spime", "r0", 0, 400, 20), WAIT,
                    backlog);
            gated.writerInside.await(); // the writer holds r0 and is blocked in the store
            CompletableFuture<StoreOutcome> r1 = queue.submit(report("a@gate.example/spime", "r1", 1, 400, 20), WAIT,
                    backlog);
            assertThat(r1).isNotDone(); // queued: the queue was empty
            Thread.sleep(backlog.toMillis() + 100); // r1 has now waited longer than the limit

            long t = System.nanoTime();
            CompletableFuture<StoreOutcome> r2 = queue.submit(report("a@gate.example/spime", "r2", 2, 400, 20), WAIT,
                    backlog);
            assertThat(r2).isCompletedExceptionally();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t)).isLessThan(WAIT.toMillis());
            assertThatThrownBy(r2::get).hasCauseInstanceOf(IngestRefusedException.class)
                    .hasMessageContaining("behind");
            // without a limit the same report is queued
            assertThat(queue.submit(report("a@gate.example/spime", "r3", 3, 400, 20), WAIT)).isNotDone();

            gated.open.countDown();
            assertThat(r0.get(10, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
            assertThat(r1.get(10, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
            // caught up: the refused report's retry is taken
            assertThat(queue.submit(report("a@gate.example/spime", "r2", 2, 400, 20), WAIT, backlog)
                    .get(10, TimeUnit.SECONDS)).isEqualTo(StoreOutcome.STORED);
            queue.close();
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(4);
        }
    }

    static boolean visible(Connection c, String spime, String reportId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM readings r JOIN spimes s"
                + " ON s.spime_key = r.spime_key WHERE s.spime_id = ? AND r.report_id = ?")) {
            ps.setString(1, spime);
            ps.setString(2, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
