package org.openspime.launcher.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Value;

/**
 * A simulated classroom sensor: CO2 rises while the window is shut and people breathe, falls when it is opened;
 * the temperature drifts and drops a little with the window open. Values stay within the demo scope's ranges.
 */
final class ClassroomSensor {

    private final RandomGenerator random;
    private final Location location;
    private double co2;
    private double temperature;
    private boolean windowOpen;

    ClassroomSensor(RandomGenerator random, Location location) {
        this.random = random;
        this.location = location;
        this.co2 = 420 + random.nextDouble(300);
        this.temperature = 19 + random.nextDouble(3);
    }

    Reading next(Instant now) {
        if (!windowOpen && co2 > 1400 + random.nextDouble(400)) {
            windowOpen = true;
        } else if (windowOpen && co2 < 600) {
            windowOpen = false;
        }
        co2 = Math.max(400, co2 + (windowOpen ? -90 : 35) + random.nextGaussian() * 15);
        temperature = Math.min(28, Math.max(15, temperature + (windowOpen ? -0.15 : 0.05) + random.nextGaussian() * 0.05));
        return Reading.at(now, location,
                Value.integer("co2", Math.round(co2), "ppm"),
                Value.decimal("temperature", BigDecimal.valueOf(temperature).setScale(2, RoundingMode.HALF_UP), "Cel"),
                Value.bool("window_open", windowOpen));
    }
}
