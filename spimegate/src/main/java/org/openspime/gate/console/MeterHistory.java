package org.openspime.gate.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Recent readings of a few cumulative counters, so that "per second" and "in the last minute" can be answered
 * from Micrometer counters, which only ever go up. A sampler calls {@link #sample} about once a second; the
 * overview asks {@link #increase} at any time and gets the growth between the newest reading and the one
 * closest to {@code window} before it (over a shorter span right after start).
 *
 * <p>Synchronised: one sampler writes, a few console requests read, and each call is a handful of operations.
 */
final class MeterHistory {
    private final MeterRegistry registry;
    private final List<String> counterNames;
    private final Duration keep;
    private final Deque<Reading> readings = new ArrayDeque<>();

    record Reading(Instant at, double total) {
    }

    /** @param counterNames summed over all their tags, e.g. stream errors of every condition */
    MeterHistory(MeterRegistry registry, List<String> counterNames, Duration keep) {
        this.registry = registry;
        this.counterNames = List.copyOf(counterNames);
        this.keep = keep;
    }

    /** The counters' sum now. */
    double total() {
        double sum = 0;
        for (String name : counterNames) {
            for (Counter c : registry.find(name).counters()) {
                sum += c.count();
            }
        }
        return sum;
    }

    synchronized void sample(Instant now) {
        readings.addLast(new Reading(now, total()));
        while (readings.size() > 2 && readings.peekFirst().at().isBefore(now.minus(keep))) {
            readings.removeFirst();
        }
    }

    /** Growth over about {@code window} up to {@code now}, and the span it was really measured over. */
    synchronized Growth increase(Instant now, Duration window) {
        double current = total();
        Reading base = null;
        for (Reading r : readings) {
            if (!r.at().isAfter(now.minus(window))) {
                base = r;
            } else {
                if (base == null) {
                    base = r;
                }
                break;
            }
        }
        if (base == null) {
            return new Growth(0, Duration.ZERO);
        }
        return new Growth(Math.max(0, current - base.total()), Duration.between(base.at(), now));
    }

    /** How much a counter grew, over which span. */
    record Growth(double amount, Duration span) {
        double perSecond() {
            double seconds = span.toMillis() / 1000.0;
            return seconds < 0.5 ? 0 : amount / seconds;
        }
    }
}
