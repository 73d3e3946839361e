package org.openspime.gate.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openspime.gate.certification.CertificationMeters;
import org.openspime.gate.directory.ScopeDirectory;
import org.openspime.gate.engine.GateResourceRegistry;
import org.openspime.web.status.CertificationActivity;
import org.openspime.web.status.GateSnapshot;
import org.openspime.web.status.GateStatus;
import org.openspime.web.status.PublicScopeNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overview's numbers from the running gate: bound sessions by kind from the engine's resource registry,
 * stanzas per second and errors in the last minute from the gate's Micrometer counters, read back through a
 * once-a-second {@link MeterHistory}. A snapshot costs no database query once the kinds of the bound JIDs are
 * known.
 *
 * <p>Certification activity is read from the certification service's counters ({@link CertificationMeters}): totals
 * since the gate started, zero where the service is not installed. Public ScopeNodes come from the gate's scope
 * directory, one small query per snapshot (a directory lists tens of scopes, not thousands).
 */
public final class LiveGateStatus implements GateStatus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveGateStatus.class);
    /** Stanzas per second are averaged over this much recent history. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    static final Duration ERROR_WINDOW = Duration.ofMinutes(1);

    private final String domain;
    private final GateResourceRegistry sessions;
    private final ConnectedKinds kinds;
    private final MeterHistory routed;
    private final MeterHistory errors;
    private final Clock clock;
    private final ScheduledExecutorService sampler;
    private final MeterRegistry meters;
    private final ScopeDirectory directory;

    public LiveGateStatus(String domain, GateResourceRegistry sessions, JdbcOsidLookup lookup, MeterRegistry meters,
                          ScopeDirectory directory, Clock clock) {
        this.domain = domain;
        this.meters = meters;
        this.directory = directory;
        this.sessions = sessions;
        this.kinds = new ConnectedKinds(lookup);
        this.routed = new MeterHistory(meters, List.of("openspime_gate_stanzas_routed"), RATE_WINDOW.plusSeconds(5));
        // What the gate answered with an error: stream errors, and stanzas bounced back to their sender.
        this.errors = new MeterHistory(meters, List.of("openspime_gate_stream_errors", "openspime_gate_stanzas_bounced"),
                ERROR_WINDOW.plusSeconds(5));
        this.clock = clock;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gate-status-sampler");
            t.setDaemon(true);
            return t;
        });
        sample();
        sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            Instant now = clock.instant();
            routed.sample(now);
            errors.sample(now);
        } catch (RuntimeException e) {
            // a failed reading must not cancel the schedule
            log.warn("gate status: sampling the meters failed", e);
        }
    }

    @Override
    public GateSnapshot snapshot() {
        Instant now = clock.instant();
        return new GateSnapshot(now, domain, kinds.count(sessions.boundJids()),
                routed.increase(now, RATE_WINDOW).perSecond(),
                Math.round(errors.increase(now, ERROR_WINDOW).amount()),
                new CertificationActivity(total(CertificationMeters.PUBLISHED), total(CertificationMeters.QUERIES),
                        total(CertificationMeters.REVOCATIONS)),
                directory.publicScopes().stream().map(p -> new PublicScopeNode(p.announcement().name(),
                        p.announcement().snid(), p.announcement().description(), p.online())).toList());
    }

    private long total(String counter) {
        return Math.round(meters.find(counter).counters().stream().mapToDouble(Counter::count).sum());
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
