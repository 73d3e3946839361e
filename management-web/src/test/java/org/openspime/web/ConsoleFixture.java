package org.openspime.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openspime.web.fakes.InMemoryAudit;
import org.openspime.web.fakes.InMemoryIdentities;
import org.openspime.web.fakes.InMemoryKeys;
import org.openspime.web.fakes.InMemoryOperators;
import org.openspime.web.fakes.MovableClock;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.key.KeyState;
import org.openspime.web.key.KeyView;
import org.openspime.web.ops.ReadinessCheck;
import org.openspime.web.status.CertificationActivity;
import org.openspime.web.status.GateSnapshot;
import org.openspime.web.status.PublicScopeNode;

/**
 * A real management server on a free port over in-memory backends, with one operator, {@value #OPERATOR},
 * and a published key for {@value #KEYED_JID}. Close it after each test class.
 */
public final class ConsoleFixture implements AutoCloseable {

    public static final String DOMAIN = "gate.example";
    public static final String OPERATOR = "alice";
    public static final String PASSWORD = "correct horse battery";
    public static final String KEYED_JID = "keyed@gate.example/spime";
    public static final String FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public final MovableClock clock = new MovableClock(Instant.parse("2025-03-01T09:00:00Z"));
    public final InMemoryIdentities identities = new InMemoryIdentities(DOMAIN, clock);
    public final InMemoryKeys keys = new InMemoryKeys(clock);
    public final InMemoryOperators operators = new InMemoryOperators();
    public final InMemoryAudit audit = new InMemoryAudit();
    public final AtomicBoolean databaseUp = new AtomicBoolean(true);
    public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    public final ManagementServer server;

    public ConsoleFixture() throws Exception {
        this(ConsoleSettings.defaults(), Optional.empty());
    }

    public ConsoleFixture(ConsoleSettings settings, Optional<TlsSettings> tls) throws Exception {
        registry.counter("openspime_logins", "outcome", "ok").increment(3);
        keys.publish(new KeyView(KEYED_JID, FINGERPRINT, "RSA", 2048, clock.instant(), clock.instant(),
                clock.instant().plus(Duration.ofDays(365)), Optional.of(DOMAIN), KeyState.VALID, Optional.empty()));
        ReadinessCheck database = new ReadinessCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public Result check() {
                return databaseUp.get() ? Result.up() : Result.down("connection refused");
            }
        };
        Map<IdentityKind, Integer> connected = new EnumMap<>(IdentityKind.class);
        connected.put(IdentityKind.SPIME, 42);
        connected.put(IdentityKind.SCOPENODE, 3);
        connected.put(IdentityKind.SERVICE, 1);
        ConsoleBackends backends = new ConsoleBackends(identities, keys,
                () -> new GateSnapshot(clock.instant(), DOMAIN, connected, 1234.5, 2, new CertificationActivity(17, 240, 1),
                        List.of(new PublicScopeNode("co2-classrooms", "co2node@gate.example/co2", "CO2 in classrooms", true),
                                new PublicScopeNode("noise-<street>", "noise@gate.example/db", "", false))),
                operators, audit, List.of(database));
        // A low hash cost keeps sign-in fast in tests; production uses PasswordHashing.DEFAULT_ITERATIONS.
        server = new ManagementServer("127.0.0.1", 0, backends, registry,
                settings.withClock(clock).withPasswordIterations(1_000), tls);
        server.start();
        server.operators().create(OPERATOR, PASSWORD);
    }

    public URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    @Override
    public void close() {
        server.stop();
    }
}
