package org.openspime.system.spime;

import java.time.Instant;
import java.util.List;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Value;

final class Readings {

    static final String SCOPE = "co2-monitoring";

    private Readings() {
    }

    static List<Reading> co2(int ppm) {
        return List.of(Reading.at(Instant.now(), Location.of(45.4642, 9.19), Value.integer("co2", ppm, "ppm"),
                Value.decimal("temperature", "21.5", "Cel")));
    }
}
