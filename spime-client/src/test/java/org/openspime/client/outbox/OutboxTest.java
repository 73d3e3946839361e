package org.openspime.client.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.client.report.Fixtures.SNID;
import static org.openspime.client.report.Fixtures.SPIME;
import static org.openspime.client.report.Fixtures.SPIME_KEYS;
import static org.openspime.client.report.Fixtures.T0;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.client.report.Fixtures;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.element.Report;

class OutboxTest {

    @TempDir
    Path dir;

    private final ReportSealer sealer = ReportSealer.signing(SPIME, SPIME_KEYS);

    private PendingReport pending(String id, Instant created) {
        Report report = Fixtures.co2Report(id);
        return PendingReport.queued(report, SNID, sealer.sealPlain(report, SNID), created);
    }

    @Test
    void pendingReportsSurviveAReopenByteForByteOldestFirst() throws Exception {
        Outbox outbox = Outbox.open(dir, OutboxLimits.DEFAULT);
        PendingReport newer = pending("0000000000020000000000000000000b", T0.plusSeconds(2));
        PendingReport older = pending("0000000000010000000000000000000a", T0.plusSeconds(1));
        outbox.add(newer);
        outbox.add(older);
        outbox.update(newer.attempted(T0.plusSeconds(30)));

        // no close: a crashed process does not get to close anything
        Outbox reopened = Outbox.open(dir, OutboxLimits.DEFAULT);

        assertThat(reopened.pending()).extracting(PendingReport::id).containsExactly(older.id(), newer.id());
        PendingReport back = reopened.get(newer.id()).orElseThrow();
        assertThat(back.report()).isEqualTo(newer.report());
        assertThat(EnvelopeCodec.toXml(back.envelope())).isEqualTo(EnvelopeCodec.toXml(newer.envelope()));
        assertThat(back.attempts()).isEqualTo(1);
        assertThat(back.nextAttempt()).isEqualTo(T0.plusSeconds(30));
        assertThat(reopened.bytes()).isEqualTo(outbox.bytes());
    }

    @Test
    void aCorruptEntryIsSetAsideAndTheOthersStillLoad() throws Exception {
        Outbox outbox = Outbox.open(dir, OutboxLimits.DEFAULT);
        PendingReport good = pending("good-1", T0);
        PendingReport torn = pending("torn-1", T0.plusSeconds(1));
        outbox.add(good);
        outbox.add(torn);
        Path tornFile = dir.resolve("pending/torn-1.report");
        byte[] bytes = Files.readAllBytes(tornFile);
        Files.write(tornFile, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a write the disk did not finish
        Files.writeString(dir.resolve("pending/junk.report"), "not an entry");
        Files.writeString(dir.resolve("pending/half-written.report.tmp"), "crashed mid-write");

        Outbox reopened = Outbox.open(dir, OutboxLimits.DEFAULT);

        assertThat(reopened.pending()).extracting(PendingReport::id).containsExactly(good.id());
        try (var aside = Files.list(reopened.corruptDirectory())) {
            assertThat(aside.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("torn-1.report")).anyMatch(n -> n.startsWith("junk.report"));
        }
        assertThat(dir.resolve("pending/half-written.report.tmp")).doesNotExist();
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws Exception {
        Outbox outbox = Outbox.open(dir, OutboxLimits.DEFAULT);
        outbox.add(pending("flip-1", T0));
        Path file = dir.resolve("pending/flip-1.report");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertThat(Outbox.open(dir, OutboxLimits.DEFAULT).pending()).isEmpty();
    }

    @Test
    void aFullOutboxRefusesNewReportsAndKeepsWhatItHolds() throws Exception {
        Outbox outbox = Outbox.open(dir, new OutboxLimits(2, 1_000_000));
        outbox.add(pending("r-1", T0));
        outbox.add(pending("r-2", T0));

        assertThatThrownBy(() -> outbox.add(pending("r-3", T0)))
                .isInstanceOf(OutboxFullException.class).hasMessageContaining("r-3").hasMessageContaining("not queued");
        assertThat(outbox.pending()).extracting(p -> p.id().value()).containsExactly("r-1", "r-2");

        Outbox small = Outbox.open(dir.resolve("small"), new OutboxLimits(100, 10));
        assertThatThrownBy(() -> small.add(pending("r-4", T0))).isInstanceOf(OutboxFullException.class).hasMessageContaining("bytes");
        assertThat(small.size()).isZero();
    }

    @Test
    void removedReportsAreGoneAndRejectedOnesAreKeptWithTheirReason() throws Exception {
        Outbox outbox = Outbox.open(dir, OutboxLimits.DEFAULT);
        outbox.add(pending("acked", T0));
        outbox.add(pending("refused", T0));

        assertThat(outbox.remove(pending("acked", T0).id())).isTrue();
        outbox.reject(pending("refused", T0).id(), "inconsistent-data-with-scope: co2 above 10000");

        Outbox reopened = Outbox.open(dir, OutboxLimits.DEFAULT);
        assertThat(reopened.pending()).isEmpty();
        List<RejectedReport> rejected = reopened.rejected();
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).report().id().value()).isEqualTo("refused");
        assertThat(rejected.get(0).reason()).isEqualTo("inconsistent-data-with-scope: co2 above 10000");
    }
}
