package org.openspime.gate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.openspime.gate.routing.LocalRelay;

/** Counts what the gate does; exported on {@code /metrics} in Prometheus format. */
public final class GateMetrics implements LocalRelay.DeliveryCounter {
    private final MeterRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter loginsOk;
    private final Counter stanzasIn;
    private final Map<String, Counter> routed = new ConcurrentHashMap<>();

    public GateMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("openspime_gate_connections", connections, AtomicInteger::get)
                .description("open client connections").register(registry);
        loginsOk = Counter.builder("openspime_gate_logins").tag("outcome", "ok")
                .description("completed logins (resource bound)").register(registry);
        stanzasIn = Counter.builder("openspime_gate_stanzas_received").description("stanzas received from peers")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Publishes a gauge of bound OSIDs by reading {@code count} on every scrape. */
    public void boundEntities(Supplier<Number> count) {
        // strongReference: Micrometer holds a gauge's state weakly, and nothing else holds this supplier, so
        // without it the gauge reads NaN after the first garbage collection.
        Gauge.builder("openspime_gate_bound_entities", count, s -> s.get().doubleValue())
                .description("full JIDs bound to a session").strongReference(true).register(registry);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public void loginSucceeded() {
        loginsOk.increment();
    }

    public void loginFailed(String reason) {
        registry.counter("openspime_gate_logins", "outcome", "failed", "reason", reason).increment();
    }

    public void stanzaReceived() {
        stanzasIn.increment();
    }

    public void streamError(String condition) {
        registry.counter("openspime_gate_stream_errors", "condition", condition).increment();
    }

    /** Called for every stanza delivered: the counter is looked up once per kind, not per stanza. */
    @Override
    public void delivered(String kind) {
        routed.computeIfAbsent(kind, k -> registry.counter("openspime_gate_stanzas_routed", "kind", k)).increment();
    }

    @Override
    public void bounced(String kind, String reason) {
        registry.counter("openspime_gate_stanzas_bounced", "kind", kind, "reason", reason).increment();
    }
}
