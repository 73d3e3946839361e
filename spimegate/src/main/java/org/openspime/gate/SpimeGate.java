package org.openspime.gate;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.apache.vysper.xmpp.addressing.Entity;
import org.openspime.gate.certification.CertificationMeters;
import org.openspime.gate.certification.CertificationSettings;
import org.openspime.gate.certification.GateCertification;
import org.openspime.gate.certification.store.JdbcPublishedKeyStore;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.console.CertificationKeyDirectory;
import org.openspime.gate.console.GateConsole;
import org.openspime.gate.directory.JdbcScopeDirectoryStore;
import org.openspime.gate.directory.ScopeDirectory;
import org.openspime.gate.engine.XmppEngine;
import org.openspime.gate.federation.Federation;
import org.openspime.gate.identity.IdentityChangeWatcher;
import org.openspime.gate.identity.IdentityListener;
import org.openspime.gate.identity.RegisteredResourcePolicy;
import org.openspime.gate.metrics.GateMetrics;
import org.openspime.gate.sasl.LoginListener;
import org.openspime.gate.sasl.LoginThrottle;
import org.openspime.gate.sasl.SaslDictionary;
import org.openspime.gate.sasl.SaslFailure;
import org.openspime.gate.session.GateSession;
import org.openspime.gate.storage.GateStorage;
import org.openspime.gate.tls.GateCertificate;
import org.openspime.web.ConsoleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running SpimeGate: its certificate, its database, its XMPP engine, its certification service, its scope
 * directory, its HTTP port
 * (console, {@code /health}, {@code /metrics}), and the wiring between them (identity changes end live sessions,
 * logins are counted). {@link #start} brings it up; {@link #close} takes it down in reverse order.
 */
public final class SpimeGate implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpimeGate.class);

    private final GateConfig config;
    private final GateCertificate certificate;
    private final GateStorage storage;
    private final PrometheusMeterRegistry meters;
    private final XmppEngine engine;
    private final GateCertification certification;
    private final ScopeDirectory directory;
    private final IdentityChangeWatcher watcher;
    private final GateConsole console;
    private final Federation federation;

    private SpimeGate(GateConfig config, GateCertificate certificate, GateStorage storage,
                      PrometheusMeterRegistry meters, XmppEngine engine, GateCertification certification,
                      ScopeDirectory directory, IdentityChangeWatcher watcher, GateConsole console,
                      Federation federation) {
        this.config = config;
        this.certificate = certificate;
        this.storage = storage;
        this.meters = meters;
        this.engine = engine;
        this.certification = certification;
        this.directory = directory;
        this.watcher = watcher;
        this.console = console;
        this.federation = federation;
    }

    /** Starts a gate; on failure, whatever was started is stopped again and the cause thrown. */
    public static SpimeGate start(GateConfig config) throws IOException {
        return start(config, Clock.systemUTC(), ConsoleSettings.defaults());
    }

    /** As {@link #start(GateConfig)}, with the console's tunables (tests use a cheaper password hash). */
    public static SpimeGate start(GateConfig config, ConsoleSettings consoleSettings) throws IOException {
        return start(config, Clock.systemUTC(), consoleSettings);
    }

    /**
     * Starts a gate whose certification service reads time from {@code clock} (tests move it), with the
     * console's tunables.
     */
    public static SpimeGate start(GateConfig config, Clock clock, ConsoleSettings consoleSettings)
            throws IOException {
        GateCertificate certificate = GateCertificate.loadOrCreate(config);
        log.info("gate {} TLS certificate SHA-256 fingerprint {}", config.domain(), certificate.sha256Fingerprint());
        GateStorage storage = GateStorage.open(config);
        XmppEngine engine = null;
        GateCertification certification = null;
        IdentityChangeWatcher watcher = null;
        ScopeDirectory directory;
        Federation federation = null;
        try {
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            bindJvmMetrics(meters);
            GateMetrics metrics = new GateMetrics(meters);
            SaslDictionary sasl = new SaslDictionary(storage.identities(), new LoginThrottle(config.limits()),
                    loginCounter(metrics), session -> session instanceof GateSession gs ? gs.remoteAddress() : "?");
            engine = new XmppEngine(new XmppEngine.Settings(config.domain(), config.bindAddress(), config.c2sPort(),
                    config.limits().listenBacklog(), config.limits().maxStanzaBytes(),
                    config.limits().maxStanzasPerSecond(), workerThreads(), certificate.serverContext(),
                    new String[] {"TLSv1.2"}, storage.vysperProviders(), sasl.mechanisms(), sasl,
                    new RegisteredResourcePolicy(storage.identities()), metrics));
            federation = new Federation(new Federation.Settings(config.domain(), config.bindAddress(),
                    config.s2sPort(), config.federation(), certificate, config.limits().maxStanzaBytes(),
                    workerThreads()), meters);
            engine.federateThrough(federation.remoteRelay());
            engine.start();
            XmppEngine started = engine;
            federation.start(() -> started.runtime().getStanzaRelay());
            JdbcPublishedKeyStore keyStore = new JdbcPublishedKeyStore(storage.database().dataSource());
            certification = GateCertification.install(engine, keyStore,
                    CertificationSettings.defaults(config.dataDir()).withMaxKeyLife(config.maxKeyLife()), clock,
                    new CertificationMeters(meters));
            directory = ScopeDirectory.install(engine,
                    new JdbcScopeDirectoryStore(storage.database().dataSource()), storage.identities(), clock);
            storage.identities().addListener(sessionTerminator(engine));
            watcher = new IdentityChangeWatcher(storage.identities(), Duration.ofSeconds(1));
            watcher.start();
            log.info("gate {} serving clients on {}:{}", config.domain(), config.bindAddress(), engine.c2sPort());
            GateConsole console = GateConsole.start(config, storage, engine, meters, certificate,
                    new CertificationKeyDirectory(keyStore, certification.service(), config.maxKeyLife(), clock),
                    directory, consoleSettings);
            return new SpimeGate(config, certificate, storage, meters, engine, certification, directory, watcher,
                    console, federation);
        } catch (IOException | RuntimeException e) {
            if (federation != null) {
                federation.stop();
            }
            if (watcher != null) {
                watcher.stop();
            }
            if (certification != null) {
                certification.close();
            }
            if (engine != null) {
                engine.stop();
            }
            storage.close();
            throw e;
        }
    }

    private static int workerThreads() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    private static void bindJvmMetrics(PrometheusMeterRegistry meters) {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
    }

    private static LoginListener loginCounter(GateMetrics metrics) {
        return new LoginListener() {
            @Override
            public void succeeded(Entity account, String mechanism) {
                // counted when the resource is bound, the end of a full login
            }

            @Override
            public void failed(Entity account, String mechanism, SaslFailure reason) {
                metrics.loginFailed(reason.name().toLowerCase(java.util.Locale.ROOT));
            }
        };
    }

    /** A disabled, deleted or re-keyed identity loses its live sessions at once. */
    private static IdentityListener sessionTerminator(XmppEngine engine) {
        return new IdentityListener() {
            @Override
            public void disabled(Entity jid) {
                engine.disconnect(jid, "identity disabled by the operator");
            }

            @Override
            public void deleted(Entity jid) {
                engine.disconnect(jid, "identity deleted by the operator");
            }

            @Override
            public void passwordChanged(Entity account) {
                engine.disconnect(account.getBareJID(), "password changed by the operator");
            }
        };
    }

    public GateConfig config() {
        return config;
    }

    public GateCertificate certificate() {
        return certificate;
    }

    public GateStorage storage() {
        return storage;
    }

    public XmppEngine engine() {
        return engine;
    }

    /** The certification service at {@code certification.<domain>}. */
    public GateCertification certification() {
        return certification;
    }

    /** The scope directory ScopeNodes announce to ({@code urn:openspime:scope-directory:1}). */
    public ScopeDirectory directory() {
        return directory;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    public int c2sPort() {
        return engine.c2sPort();
    }

    /** The HTTP port of the console, {@code /health} and {@code /metrics} (the real one when 0 was configured). */
    public int httpPort() {
        return console.port();
    }

    /** Server-to-server: the s2s listener and the links to peer domains. */
    public Federation federation() {
        return federation;
    }

    /** The s2s port (the real one when 0 was configured). */
    public int s2sPort() {
        return federation.s2sPort();
    }

    public GateConsole console() {
        return console;
    }

    @Override
    public void close() {
        log.info("gate {} stopping", config.domain());
        console.close();
        watcher.stop();
        certification.close();
        federation.stop();
        engine.stop();
        storage.close();
        log.info("gate {} stopped", config.domain());
    }
}
