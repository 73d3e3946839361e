package org.openspime.client.report.element;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a spime sensed at one instant: its values (at least one, names unique), and where, if it knows.
 *
 * <p>The time is kept to the microsecond, the precision the ScopeNode stores (PostgreSQL {@code timestamptz});
 * finer digits are dropped on construction, so a reading compares equal after a round trip.
 */
public record Reading(Instant time, Optional<Location> location, List<Value> values) {

    public Reading {
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(location, "location");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a reading holds at least one value");
        }
        Set<String> names = new HashSet<>();
        for (Value v : values) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("value '" + v.name() + "' appears twice in the reading at " + time);
            }
        }
    }

    public static Reading at(Instant time, Value... values) {
        return new Reading(time, Optional.empty(), List.of(values));
    }

    public static Reading at(Instant time, Location location, Value... values) {
        return new Reading(time, Optional.of(location), List.of(values));
    }

    public Optional<Value> value(String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
