package org.openspime.client.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openspime.certification.Jid;
import org.openspime.client.report.codec.DataCodec;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportId;

/**
 * Packs readings into as few reports as {@link ReportLimits} allow, in order: each report holds at most
 * {@code maxReadings} readings and {@code maxValues} values, and its data document (plus the GCM tag) at most
 * {@code maxPayloadBytes}. A ScopeNode refuses anything larger with {@code oversized-batch}.
 */
public final class Batches {

    private static final int GCM_TAG_BYTES = 16;

    private Batches() {
    }

    public static List<Report> of(Jid spimeId, String scope, List<Reading> readings, ReportLimits limits, Supplier<ReportId> ids) {
        List<Report> reports = new ArrayList<>();
        List<Reading> chunk = new ArrayList<>();
        int values = 0;
        for (Reading reading : readings) {
            int n = reading.values().size();
            if (n > limits.maxValues()) {
                throw new IllegalArgumentException("a reading at " + reading.time() + " holds " + n + " values, more than a report may ("
                        + limits.maxValues() + ")");
            }
            if (!chunk.isEmpty() && (chunk.size() + 1 > limits.maxReadings() || values + n > limits.maxValues())) {
                addWithinBytes(reports, spimeId, scope, chunk, limits, ids);
                chunk = new ArrayList<>();
                values = 0;
            }
            chunk.add(reading);
            values += n;
        }
        if (!chunk.isEmpty()) {
            addWithinBytes(reports, spimeId, scope, chunk, limits, ids);
        }
        return reports;
    }

    private static void addWithinBytes(List<Report> reports, Jid spimeId, String scope, List<Reading> chunk, ReportLimits limits,
                                       Supplier<ReportId> ids) {
        Report candidate = new Report(ids.get(), spimeId, scope, chunk);
        if (DataCodec.toBytes(candidate).length + GCM_TAG_BYTES <= limits.maxPayloadBytes()) {
            reports.add(candidate);
            return;
        }
        if (chunk.size() == 1) {
            throw new IllegalArgumentException("the reading at " + chunk.get(0).time() + " alone exceeds " + limits.maxPayloadBytes() + " bytes");
        }
        int half = chunk.size() / 2;
        addWithinBytes(reports, spimeId, scope, chunk.subList(0, half), limits, ids);
        addWithinBytes(reports, spimeId, scope, chunk.subList(half, chunk.size()), limits, ids);
    }
}
