package org.openspime.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Value;

/**
 * The scope the data-path benchmark reports to, and its readings: a location and three values per reading (an
 * integer, a decimal and a boolean), the shape of the demo's classroom sensors, within the scope's ranges.
 */
final class BenchScope {
    static final String NAME = "bench-classrooms";
    static final String FILE = String.join("\n",
            "# the data-path benchmark's scope (org.openspime.bench.BenchScope)",
            "name        = " + NAME,
            "description = CO2, temperature and windows, benchmark load",
            "visibility  = public",
            "allow-unsigned    = false",
            "allow-unencrypted = false",
            "field.co2.type       = integer",
            "field.co2.unit       = ppm",
            "field.co2.required   = true",
            "field.co2.min        = 0",
            "field.co2.max        = 10000",
            "field.temperature.type = decimal",
            "field.temperature.unit = Cel",
            "field.temperature.min  = -50",
            "field.temperature.max  = 80",
            "field.window_open.type = boolean",
            "");

    private BenchScope() {
    }

    /** {@code count} readings one millisecond apart, ending now. */
    static List<Reading> readings(RandomGenerator random, Location where, int count) {
        Instant now = Instant.now();
        List<Reading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            readings.add(Reading.at(now.minusMillis(count - 1 - i), where,
                    Value.integer("co2", 400 + random.nextInt(1600), "ppm"),
                    Value.decimal("temperature", BigDecimal.valueOf(1500 + random.nextInt(1300), 2), "Cel"),
                    Value.bool("window_open", random.nextBoolean())));
        }
        return readings;
    }

    static Location location(int spime) {
        return Location.of(45.46 + (spime % 100) * 0.0005, 9.18 + (spime / 100) * 0.0005, 120 + spime % 50);
    }
}
