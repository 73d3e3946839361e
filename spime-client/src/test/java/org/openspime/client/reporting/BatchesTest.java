package org.openspime.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openspime.client.report.Fixtures.SPIME;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openspime.client.report.codec.DataCodec;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Value;

class BatchesTest {

    private final AtomicInteger next = new AtomicInteger();

    private ReportId id() {
        return ReportId.of("r" + next.incrementAndGet());
    }

    private static List<Reading> readings(int n, int valuesEach) {
        List<Reading> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Value> values = new ArrayList<>();
            for (int v = 0; v < valuesEach; v++) {
                values.add(Value.integer("v" + v, i, null));
            }
            all.add(new Reading(Instant.ofEpochSecond(1_700_000_000L + i), java.util.Optional.empty(), values));
        }
        return all;
    }

    @Test
    void readingsAreSplitByCountValuesAndBytesInOrder() {
        List<Reading> readings = readings(25, 3);

        List<Report> byCount = Batches.of(SPIME, "s", readings, new ReportLimits(1_000_000, 10, 1_000), this::id);
        assertThat(byCount).extracting(r -> r.readings().size()).containsExactly(10, 10, 5);

        List<Report> byValues = Batches.of(SPIME, "s", readings, new ReportLimits(1_000_000, 100, 20), this::id);
        assertThat(byValues).extracting(r -> r.readings().size()).containsExactly(6, 6, 6, 6, 1);

        List<Report> byBytes = Batches.of(SPIME, "s", readings, new ReportLimits(1_000, 100, 1_000), this::id);
        assertThat(byBytes).allSatisfy(r -> assertThat(DataCodec.toBytes(r).length + 16).isLessThanOrEqualTo(1_000));
        assertThat(byBytes.stream().flatMap(r -> r.readings().stream()).toList()).isEqualTo(readings);
        assertThat(byBytes).extracting(Report::id).doesNotHaveDuplicates();
    }

    @Test
    void reportsSizedForAGateStanzaLimitFitItWhenSealedWithTheLargestKeys() throws Exception {
        // RSA-4096 on both sides: the longest signature and wrapped key an envelope can carry
        java.security.KeyPair spimeKeys = org.openspime.certification.keys.RsaKeys.generate(4096);
        java.security.KeyPair nodeKeys = org.openspime.certification.keys.RsaKeys.generate(4096);
        org.openspime.client.report.crypto.ReportSealer sealer =
                org.openspime.client.report.crypto.ReportSealer.signing(SPIME, spimeKeys);
        org.openspime.client.report.crypto.Recipient node = org.openspime.client.report.crypto.Recipient.of(
                org.openspime.client.report.Fixtures.SNID, (java.security.interfaces.RSAPublicKey) nodeKeys.getPublic());
        ReportLimits limits = ReportLimits.fittingStanzasOf(ReportLimits.GATE_DEFAULT_STANZA_BYTES);

        List<Report> reports = Batches.of(SPIME, "co2-monitoring", readings(2_000, 3), limits, this::id);

        assertThat(reports).hasSizeGreaterThan(1);
        for (Report report : reports) {
            org.openspime.client.report.xmpp.ReportIQ iq = org.openspime.client.report.xmpp.ReportIQ.to(
                    org.jxmpp.jid.impl.JidCreate.fromOrThrowUnchecked(node.snid().toString()),
                    sealer.sealEncrypted(report, node));
            iq.setStanzaId("r-0123456789abcdef");
            assertThat(iq.toXML().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(ReportLimits.GATE_DEFAULT_STANZA_BYTES);
        }
    }
}
