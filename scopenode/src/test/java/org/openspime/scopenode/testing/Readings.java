package org.openspime.scopenode.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.reading.Location;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.scope.Field;
import org.openspime.scopenode.scope.FieldType;

/** The test scope's format (co2 integer, temperature decimal, window boolean, note text) and report builders. */
public final class Readings {
    public static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private Readings() {
    }

    public static DataFormat format() {
        return new DataFormat(List.of(
                new Field("co2", FieldType.INTEGER, "ppm", true, 0.0, 10_000.0, null),
                new Field("temperature", FieldType.DECIMAL, "°C", false, -50.0, 80.0, null),
                new Field("window_open", FieldType.BOOLEAN, null, false, null, null, null),
                new Field("note", FieldType.TEXT, null, false, null, null, 20)));
    }

    /** A one-reading report at T0 + seconds with co2 and temperature. */
    public static IncomingReport report(String spime, String id, long seconds, long co2, double temperature) {
        return new IncomingReport(spime, id, List.of(new IncomingReading(T0.plusSeconds(seconds),
                new Location(45.07, 7.69, 240.0), Map.of("co2", co2, "temperature", temperature))));
    }

    /** A report of n readings, one per second from T0 + seconds, co2 = 400 + i. */
    public static IncomingReport multi(String spime, String id, long seconds, int n) {
        List<IncomingReading> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rs.add(new IncomingReading(T0.plusSeconds(seconds + i), null, Map.of("co2", 400L + i)));
        }
        return new IncomingReport(spime, id, rs);
    }
}
