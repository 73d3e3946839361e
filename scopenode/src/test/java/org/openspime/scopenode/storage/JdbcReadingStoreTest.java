package org.openspime.scopenode.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.scopenode.testing.Readings.T0;
import static org.openspime.scopenode.testing.Readings.multi;
import static org.openspime.scopenode.testing.Readings.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.reading.Location;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.scope.Field;
import org.openspime.scopenode.scope.FieldType;
import org.openspime.scopenode.testing.Readings;
import org.openspime.scopenode.testing.TestDatabase;
import org.openspime.scopenode.testing.TestDatabase.Kind;

/** Runs on the embedded H2 and on the real PostgreSQL. */
class JdbcReadingStoreTest {
    private static final String A = "a@gate.example/spime";
    private static final String B = "b@gate.example/spime";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aRetriedReportIsADuplicateAndIsNotStoredAgain(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());

            assertThat(store.storeBatch(List.of(report(A, "r1", 0, 500, 20.0), multi(A, "r2", 10, 3))))
                    .containsExactly(StoreOutcome.STORED, StoreOutcome.STORED);
            assertThat(store.storeBatch(List.of(multi(A, "r2", 10, 3), report(A, "r3", 20, 510, 20.5),
                    report(A, "r3", 20, 510, 20.5), report(B, "r1", 30, 600, 19.0))))
                    .as("r2 stored before, second r3 repeats the first in this batch, r1 of another spime is new")
                    .containsExactly(StoreOutcome.DUPLICATE, StoreOutcome.STORED, StoreOutcome.DUPLICATE,
                            StoreOutcome.STORED);

            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(1 + 3 + 1 + 1);
            assertThat(count(db, "SELECT COUNT(*) FROM spimes")).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aRepeatedIdWithOtherDataIsAReplayAndNothingOfItIsStored(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            byte[] first = digest("first");
            byte[] other = digest("other");

            assertThat(store.storeBatch(List.of(withDigest(report(A, "r1", 0, 500, 20.0), first))))
                    .containsExactly(StoreOutcome.STORED);
            assertThat(store.storeBatch(List.of(
                    withDigest(report(A, "r1", 0, 500, 20.0), first),
                    withDigest(report(A, "r1", 5, 999, 30.0), other),
                    withDigest(report(B, "r1", 5, 999, 30.0), other),
                    withDigest(report(B, "r1", 6, 111, 10.0), first))))
                    .as("same digest: retry; other digest: replay; another spime's r1 is its own; a second r1 of"
                            + " B in the same batch with other data is a replay too")
                    .containsExactly(StoreOutcome.DUPLICATE, StoreOutcome.REPLAY, StoreOutcome.STORED,
                            StoreOutcome.REPLAY);

            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM readings WHERE v_co2 = 999")).isEqualTo(1);
        }
    }

    private static byte[] digest(String text) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static IncomingReport withDigest(IncomingReport r, byte[] digest) {
        return new IncomingReport(r.spimeId(), r.reportId(), r.readings(), digest);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void theDatabaseItselfRefusesASecondCopyOfAReading(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            new JdbcReadingStore(db.database(), Readings.format()).storeBatch(List.of(report(A, "r1", 0, 1, 1)));
            try (Connection c = db.database().connection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO readings (spime_key, report_id, reading_index,"
                        + " ts, received_at) SELECT spime_key, report_id, reading_index, ts, received_at FROM readings"))
                        .isInstanceOfSatisfying(java.sql.SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void valuesLocationAndTimesComeBackTyped(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            IncomingReport r = new IncomingReport(A, "r1", List.of(
                    new IncomingReading(T0.plusNanos(123_456_000), new Location(-33.9, 151.2, null),
                            Map.of("co2", "777", "temperature", "-4.25", "window_open", "true", "note", "été")),
                    new IncomingReading(T0.plusSeconds(1), null, Map.of("co2", 1L))));
            store.storeBatch(List.of(r));

            ReadingPage page = store.query(ReadingQuery.firstPage(new TimeRange(T0, T0.plusSeconds(60)), 10));

            assertThat(page.nextCursor()).isNull();
            assertThat(page.readings()).hasSize(2);
            StoredReading first = page.readings().get(0);
            assertThat(first.spimeId()).isEqualTo(A);
            assertThat(first.reportId()).isEqualTo("r1");
            assertThat(first.readingIndex()).isZero();
            assertThat(first.timestamp()).isEqualTo(T0.plusNanos(123_456_000));
            assertThat(first.location()).isEqualTo(new Location(-33.9, 151.2, null));
            assertThat(first.values()).isEqualTo(Map.of("co2", 777L, "temperature", -4.25, "window_open", true,
                    "note", "été"));
            assertThat(page.readings().get(1).values()).isEqualTo(Map.of("co2", 1L));
            assertThat(page.readings().get(1).location()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void pagesCoverTheRangeOnceInTimeOrderWithSpimeAndFieldFilters(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            List<IncomingReport> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // Pairs of readings share an instant, so paging must break ties by arrival.
                batch.add(report(i % 2 == 0 ? A : B, "r" + i, i / 2, 400 + i, 20));
            }
            store.storeBatch(batch);
            TimeRange range = new TimeRange(T0.plusSeconds(5), T0.plusSeconds(20)); // readings 10..39

            List<Long> seen = new ArrayList<>();
            int pages = 0;
            ReadingQuery q = new ReadingQuery(range, null, List.of("co2"), 7, null);
            while (true) {
                ReadingPage page = store.query(q);
                pages++;
                page.readings().forEach(r -> {
                    assertThat(r.values()).containsOnlyKeys("co2");
                    seen.add((Long) r.values().get("co2"));
                });
                if (page.nextCursor() == null) {
                    break;
                }
                q = q.next(page);
            }
            assertThat(pages).isEqualTo(5); // 30 readings, 7 a page
            assertThat(seen).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(410, 440).boxed().toList());

            ReadingPage onlyB = store.query(new ReadingQuery(range, B, null, 100, null));
            assertThat(onlyB.readings()).hasSize(15).allMatch(r -> r.spimeId().equals(B));
            assertThat(store.query(new ReadingQuery(range, "nobody@gate.example/x", null, 10, null)).readings())
                    .isEmpty();
            assertThatThrownBy(() -> store.query(new ReadingQuery(range, null, List.of("humidity"), 10, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("humidity");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aggregatesPerBucketForChartsWholeScopeOrOneSpime(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            List<IncomingReport> batch = new ArrayList<>();
            for (int i = 0; i < 180; i++) { // one reading a second for 3 minutes, each spime every other second
                batch.add(report(i % 2 == 0 ? A : B, "r" + i, i, i, i / 10.0));
            }
            store.storeBatch(batch);
            TimeRange range = new TimeRange(T0, T0.plusSeconds(180));

            List<Bucket> perMinute = store.aggregate(range, Duration.ofMinutes(1), "co2", null);
            assertThat(perMinute).containsExactly(
                    new Bucket(T0, 60, 0.0, 59.0, 29.5),
                    new Bucket(T0.plusSeconds(60), 60, 60.0, 119.0, 89.5),
                    new Bucket(T0.plusSeconds(120), 60, 120.0, 179.0, 149.5));

            List<Bucket> bOnly = store.aggregate(range, Duration.ofMinutes(2), "temperature", B);
            assertThat(bOnly).hasSize(2);
            assertThat(bOnly.get(0).count()).isEqualTo(60);
            assertThat(bOnly.get(0).min()).isEqualTo(0.1);
            assertThat(bOnly.get(0).max()).isEqualTo(11.9);
            assertThat(bOnly.get(1).start()).isEqualTo(T0.plusSeconds(120));

            assertThat(store.aggregate(range, Duration.ofMinutes(1), "note", null))
                    .as("a field no reading carries has no bucket").isEmpty();
            assertThatThrownBy(() -> store.aggregate(range, Duration.ofMillis(1500), "co2", null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void retentionDeletesOnlyWhatIsOlderThanTheCutoff(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            List<IncomingReport> batch = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                batch.add(multi(A, "r" + i, i * 100L, 100)); // 25,000 readings, one a second
            }
            store.storeBatch(batch);

            assertThat(store.deleteOlderThan(T0.plusSeconds(21_000))).isEqualTo(21_000); // more than 2 chunks
            assertThat(store.deleteOlderThan(T0.plusSeconds(21_000))).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isEqualTo(4_000);
            assertThat(store.query(ReadingQuery.firstPage(new TimeRange(T0, T0.plusSeconds(30_000)), 1))
                    .readings().get(0).timestamp()).isEqualTo(T0.plusSeconds(21_000));
            assertThat(store.storeBatch(List.of(multi(A, "r0", 0, 100)))).as("report ids are not forgotten")
                    .containsExactly(StoreOutcome.STORED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aNewFieldGetsAColumnAndAFieldCannotChangeType(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            new JdbcReadingStore(db.database(), Readings.format()).storeBatch(List.of(report(A, "r1", 0, 1, 2)));
            List<Field> more = new ArrayList<>(Readings.format().fields());
            more.add(new Field("humidity", FieldType.DECIMAL, "%", false, 0.0, 100.0, null));
            JdbcReadingStore store = new JdbcReadingStore(db.database(), new DataFormat(more));
            store.storeBatch(List.of(new IncomingReport(A, "r2", List.of(
                    new IncomingReading(T0.plusSeconds(1), null, Map.of("co2", 3L, "humidity", 55.5))))));

            assertThat(store.query(ReadingQuery.firstPage(new TimeRange(T0, T0.plusSeconds(2)), 5)).readings())
                    .extracting(StoredReading::values)
                    .containsExactly(Map.of("co2", 1L, "temperature", 2.0), Map.of("co2", 3L, "humidity", 55.5));

            List<Field> changed = new ArrayList<>(more);
            changed.set(0, new Field("co2", FieldType.DECIMAL, "ppm", true, null, null, null));
            assertThatThrownBy(() -> new JdbcReadingStore(db.database(), new DataFormat(changed)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("co2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aBatchWithAValueOfTheWrongTypeStoresNothing(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind, dir)) {
            JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
            IncomingReport bad = new IncomingReport(A, "bad", List.of(
                    new IncomingReading(T0, null, Map.of("co2", "lots"))));

            assertThatThrownBy(() -> store.storeBatch(List.of(report(A, "good", 0, 1, 1), bad)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(count(db, "SELECT COUNT(*) FROM readings")).isZero();
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
