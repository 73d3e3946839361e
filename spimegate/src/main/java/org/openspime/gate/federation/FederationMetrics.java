package org.openspime.gate.federation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What federation counts, on {@code /metrics}: stanzas each way, refusals by reason, bounces, dialback outcomes. */
public final class FederationMetrics {
    private final MeterRegistry registry;
    private final Counter stanzasIn;
    private final Counter stanzasOut;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Map<String, Counter> bounced = new ConcurrentHashMap<>();
    private final Map<String, Counter> dialback = new ConcurrentHashMap<>();

    public FederationMetrics(MeterRegistry registry) {
        this.registry = registry;
        stanzasIn = Counter.builder("openspime_s2s_stanzas").tag("direction", "in")
                .description("stanzas accepted from peer gates").register(registry);
        stanzasOut = Counter.builder("openspime_s2s_stanzas").tag("direction", "out")
                .description("stanzas sent to peer gates").register(registry);
    }

    public void linksOpen(Supplier<Number> count) {
        Gauge.builder("openspime_s2s_links", count, s -> s.get().doubleValue())
                .description("outbound s2s links (connecting or established)").strongReference(true)
                .register(registry);
    }

    public void stanzaIn() {
        stanzasIn.increment();
    }

    public void stanzaOut() {
        stanzasOut.increment();
    }

    /** An inbound stanza refused: spoofed {@code from}, foreign {@code to}, unauthenticated stream, rate. */
    public void refused(String reason) {
        refused.computeIfAbsent(reason, r -> Counter.builder("openspime_s2s_refused").tag("reason", r)
                .description("inbound s2s stanzas refused").register(registry)).increment();
    }

    public void bounced(String condition) {
        bounced.computeIfAbsent(condition, c -> Counter.builder("openspime_s2s_bounced").tag("condition", c)
                .description("outbound stanzas returned to their sender").register(registry)).increment();
    }

    /** A dialback step's outcome, e.g. {@code received_valid}, {@code verified_invalid}. */
    public void dialback(String outcome) {
        dialback.computeIfAbsent(outcome, o -> Counter.builder("openspime_s2s_dialback").tag("outcome", o)
                .description("dialback outcomes").register(registry)).increment();
    }

    /** The count of a dialback or SASL EXTERNAL outcome (tests, console). */
    public double authenticationCount(String outcome) {
        Counter c = dialback.get(outcome);
        return c == null ? 0 : c.count();
    }

    /** The count of refusals for a reason (tests, console). */
    public double refusedCount(String reason) {
        Counter c = refused.get(reason);
        return c == null ? 0 : c.count();
    }
}
