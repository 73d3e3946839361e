package org.openspime.scopenode.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openspime.client.report.crypto.OpenedReport;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Value;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.reading.Location;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.scope.Field;
import org.openspime.scopenode.scope.Violation;

/**
 * An opened report as the store takes it: values as their wire text (the format check converts them to the
 * declared types), the location in doubles, and the digest of the data document for replay detection.
 */
final class OpenedReadings {

    private OpenedReadings() {
    }

    static IncomingReport incoming(OpenedReport opened) {
        List<IncomingReading> readings = new ArrayList<>();
        for (Reading r : opened.report().readings()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Value v : r.values()) {
                values.put(v.name(), v.lexical());
            }
            Location where = r.location().map(l -> new Location(l.latitude().doubleValue(),
                    l.longitude().doubleValue(), l.elevation().map(e -> e.doubleValue()).orElse(null))).orElse(null);
            readings.add(new IncomingReading(r.time(), where, values));
        }
        return new IncomingReport(opened.report().spimeId().toString(), opened.report().id().value(), readings,
                opened.dataDigest());
    }

    /**
     * Values whose unit is not the one the scope declares for the field (a value without a unit is taken to be in
     * the declared one). The format check does not see units: they are only on the wire.
     */
    static List<Violation> unitViolations(OpenedReport opened, DataFormat format) {
        List<Violation> out = new ArrayList<>();
        List<Reading> readings = opened.report().readings();
        for (int i = 0; i < readings.size(); i++) {
            for (Value v : readings.get(i).values()) {
                Field f = format.field(v.name());
                if (f != null && f.unit() != null && v.unit().isPresent() && !v.unit().get().equals(f.unit())) {
                    out.add(new Violation(i, v.name(), "unit '" + v.unit().get() + "', the scope declares '"
                            + f.unit() + "'"));
                }
            }
        }
        return out;
    }
}
