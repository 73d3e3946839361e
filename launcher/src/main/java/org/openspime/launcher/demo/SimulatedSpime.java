package org.openspime.launcher.demo;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.openspime.certification.Jid;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.spime.Spime;

/**
 * One simulated classroom sensor at work: a real {@link Spime} (logged in, key published, durable outbox) that
 * reports a reading of its {@link ClassroomSensor} each time it is asked, and prints what became of it.
 */
final class SimulatedSpime implements AutoCloseable {

    private final Spime spime;
    private final ClassroomSensor sensor;
    private final Jid snid;
    private final String scope;
    private final PrintStream out;
    private final AtomicLong stored = new AtomicLong();

    SimulatedSpime(Spime spime, ClassroomSensor sensor, Jid snid, String scope, PrintStream out) {
        this.spime = spime;
        this.sensor = sensor;
        this.snid = snid;
        this.scope = scope;
        this.out = out;
    }

    void reportOnce() {
        Reading reading = sensor.next(Instant.now());
        List<CompletableFuture<ReportAck>> outcomes = spime.report(snid, scope, List.of(reading));
        for (CompletableFuture<ReportAck> outcome : outcomes) {
            outcome.whenComplete((ack, failure) -> {
                if (failure == null) {
                    stored.addAndGet(ack.readings());
                    out.printf("  %-32s %s  -> stored (report %s)%n", spime.osid(), describe(reading), ack.id());
                } else {
                    out.printf("  %-32s %s  -> not stored yet: %s (kept in its outbox)%n", spime.osid(),
                            describe(reading), failure.getMessage());
                }
            });
        }
    }

    long stored() {
        return stored.get();
    }

    @Override
    public void close() {
        spime.close();
    }

    private static String describe(Reading reading) {
        StringBuilder text = new StringBuilder();
        reading.values().forEach(v -> text.append(v.name()).append('=').append(v.lexical())
                .append(v.unit().map(u -> " " + u).orElse("")).append("  "));
        return text.toString().trim();
    }
}
