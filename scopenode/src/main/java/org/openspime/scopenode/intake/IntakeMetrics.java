package org.openspime.scopenode.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.openspime.client.report.ReportCondition;

/**
 * The intake's counters: reports acknowledged (stored or found duplicate), reports refused by condition, and
 * readings stored. Counters are looked up once here, not per report.
 */
public final class IntakeMetrics {

    private final Counter stored;
    private final Counter duplicates;
    private final Counter readings;
    private final Map<ReportCondition, Counter> refused = new EnumMap<>(ReportCondition.class);

    public IntakeMetrics(MeterRegistry registry) {
        stored = Counter.builder("openspime.scopenode.reports.accepted").tag("outcome", "stored")
                .description("reports acknowledged").register(registry);
        duplicates = Counter.builder("openspime.scopenode.reports.accepted").tag("outcome", "duplicate")
                .description("reports acknowledged").register(registry);
        readings = Counter.builder("openspime.scopenode.readings.stored").description("readings committed")
                .register(registry);
        for (ReportCondition c : ReportCondition.values()) {
            refused.put(c, Counter.builder("openspime.scopenode.reports.refused").tag("condition", c.element())
                    .description("reports refused, by protocol condition").register(registry));
        }
    }

    void stored(int readingCount) {
        stored.increment();
        readings.increment(readingCount);
    }

    void duplicate() {
        duplicates.increment();
    }

    void refused(ReportCondition condition) {
        refused.get(condition).increment();
    }

    public double accepted() {
        return stored.count() + duplicates.count();
    }

    public double readingsStored() {
        return readings.count();
    }

    public double refusedFor(ReportCondition condition) {
        return refused.get(condition).count();
    }
}
