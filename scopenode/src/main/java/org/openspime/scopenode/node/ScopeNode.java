package org.openspime.scopenode.node;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.client.certification.CertificationManager;
import org.openspime.client.certification.CertificationUnavailableException;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.connection.GateConnection;
import org.openspime.client.report.crypto.ReportOpener;
import org.openspime.client.report.crypto.ScopeRequirements;
import org.openspime.client.report.crypto.SenderKeys;
import org.openspime.client.report.crypto.TransportKeyCache;
import org.openspime.client.report.xmpp.ReportProviders;
import org.openspime.scopenode.authorization.SpimeAuthorization;
import org.openspime.scopenode.http.QueryServer;
import org.openspime.scopenode.ingest.IngestQueue;
import org.openspime.scopenode.ingest.IngestSettings;
import org.openspime.scopenode.intake.IntakeMetrics;
import org.openspime.scopenode.intake.ReportIntake;
import org.openspime.scopenode.scope.Scope;
import org.openspime.scopenode.scope.ScopeFile;
import org.openspime.scopenode.storage.JdbcReadingStore;
import org.openspime.scopenode.xmpp.ReportRequestHandler;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ScopeNode: {@link #start} brings it up, {@link #close} takes it down without losing anything
 * acknowledged.
 *
 * <p>Start order: scope file, database (migrated), store and ingest queue, authorization list, key pair, the HTTP
 * query server, then the XMPP session (waiting for the gate if it is not up yet), the own key's publication, the
 * certification trust, and last the report handler, so that no report arrives before everything it needs is there.
 *
 * <p>Stop order: unregister the report handler (no new reports), drain the ingest queue (every queued report is
 * committed and its acknowledgment handed to the reply thread), send the pending answers, then close the XMPP
 * session, the HTTP server and the database. A report that arrives during the drain gets no answer and is resent
 * by its spime.
 */
public final class ScopeNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScopeNode.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final NodeSettings settings;
    private final Scope scope;
    private final Database database;
    private final JdbcReadingStore store;
    private final IngestQueue ingest;
    private final SpimeAuthorization authorization;
    private final NodeKeys keys;
    private final PrometheusMeterRegistry registry;
    private final IntakeMetrics metrics;
    private final QueryServer http;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService replies;
    private final TransportKeyCache transportKeys = new TransportKeyCache();
    private final AtomicReference<ReportOpener> opener = new AtomicReference<>();
    private GateConnection connection;
    private CertificationManager certification;
    private volatile ReportRequestHandler handler; // set last in run(): from then on the node takes reports
    private KeyVerifier verifier;
    private volatile boolean closed;

    private ScopeNode(NodeSettings settings, Scope scope, Database database) throws Exception {
        this.settings = settings;
        this.scope = scope;
        this.database = database;
        this.store = new JdbcReadingStore(database, scope.format());
        this.ingest = new IngestQueue(store, IngestSettings.DEFAULTS);
        this.authorization = new SpimeAuthorization(database.dataSource(), Duration.ofSeconds(1));
        this.keys = NodeKeys.openOrCreate(settings.dataDir(), settings.keyBits());
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.metrics = new IntakeMetrics(registry);
        this.replies = Executors.newSingleThreadExecutor(r -> daemonThread(r, "scopenode-replies"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemonThread(r, "scopenode-schedule"));
        this.http = new QueryServer(settings.httpBind(), settings.httpPort(), settings.queryToken(), store, scope,
                registry, this::connected);
    }

    /** Starts a ScopeNode; returns once it is logged in, its key is published and it takes reports. */
    public static ScopeNode start(NodeSettings settings) throws Exception {
        Scope scope = ScopeFile.load(settings.scopeFile());
        Database database = Database.open(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword(), settings.dataDir(), Schema.SCOPENODE, 8);
        ScopeNode node;
        try {
            node = new ScopeNode(settings, scope, database);
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
        try {
            node.run();
            return node;
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    private void run() throws Exception {
        http.start();
        ReportProviders.register();
        ConnectionSettings connectionSettings = ConnectionSettings.of(settings.snid(), settings.password(),
                settings.gateTrust(), settings.gateHost(), settings.gatePort());
        connection = GateConnection.openPatiently(connectionSettings, Duration.ofSeconds(30));
        certification = CertificationManager.getInstanceFor(connection.xmpp());
        KeyCertification.publishIfNeeded(certification, keys.current(), Clock.systemUTC());
        TrustAnchors anchors = KeyCertification.trustAnchors(certification, settings.certificationKey(),
                settings.trustedGates(), Clock.systemUTC());
        verifier = certification.newVerifier(anchors, Duration.ofMinutes(10), Clock.systemUTC());
        opener.set(newOpener());
        ReportIntake intake = new ReportIntake(scope, authorization::isAuthorized, settings.limits(), opener::get,
                ingest, Duration.ofSeconds(2), settings.commitWait(), metrics,
                settings.retentionDays() > 0 ? Duration.ofDays(settings.retentionDays()) : null, Clock.systemUTC());
        ReportRequestHandler reports = new ReportRequestHandler(connection.xmpp(), intake, replies);
        connection.xmpp().registerIQRequestHandler(reports);
        handler = reports;
        new ScopeAnnouncement(scope, scheduler).keep(connection);
        scheduler.scheduleWithFixedDelay(this::watchKeys, 5, 5, TimeUnit.SECONDS);
        if (settings.retentionDays() > 0) {
            RetentionTask retention = new RetentionTask(store, Duration.ofDays(settings.retentionDays()),
                    Clock.systemUTC());
            scheduler.scheduleWithFixedDelay(retention, 1, 60, TimeUnit.MINUTES);
        }
        log.info("ScopeNode {} collecting scope '{}' with key {}; query API on {}", settings.snid(), scope.name(),
                keys.fingerprint(), http.baseUri());
    }

    private ReportOpener newOpener() {
        ScopeRequirements requirements = new ScopeRequirements(scope.name(), !scope.allowUnsigned(),
                !scope.allowUnencrypted(), settings.limits());
        return new ReportOpener(settings.snid(), requirements, keys.recipientKeys(), SenderKeys.of(verifier),
                transportKeys, Clock.systemUTC());
    }

    /**
     * Rotates to a fresh key pair: publishes it, then opens reports with both the new key and the previous one (for
     * transport keys spimes wrapped before they noticed). Answers the new pair.
     */
    public synchronized KeyPair rotateKey() throws IOException, CertificationException,
            CertificationUnavailableException, InterruptedException {
        KeyPair next = keys.rotate(settings.keyBits());
        adoptCurrentKey();
        return next;
    }

    private synchronized void adoptCurrentKey() throws CertificationException, CertificationUnavailableException,
            InterruptedException {
        KeyCertification.publishIfNeeded(certification, keys.current(), Clock.systemUTC());
        opener.set(newOpener());
        log.info("ScopeNode {} now encrypts to key {}", settings.snid(), keys.fingerprint());
    }

    /** Picks up a rotation made by the {@code rotate-key} command while the daemon runs. */
    private void watchKeys() {
        try {
            if (keys.reloadIfChanged()) {
                adoptCurrentKey();
            }
        } catch (Exception e) {
            log.warn("key store {} changed but could not be adopted: {}", keys.file(), e.toString());
        }
    }

    /**
     * Logged in and taking reports: the report handler is registered last in {@link #run}, after the key's
     * publication, so a ScopeNode that is merely logged in (a spime could not yet seal a report to it) is not up.
     */
    private boolean connected() {
        return !closed && handler != null && connection != null && connection.isAuthenticated();
    }

    public Jid snid() {
        return settings.snid();
    }

    public int httpPort() {
        return http.port();
    }

    public NodeKeys keys() {
        return keys;
    }

    public Scope scope() {
        return scope;
    }

    public SpimeAuthorization authorization() {
        return authorization;
    }

    public JdbcReadingStore store() {
        return store;
    }

    public IntakeMetrics metrics() {
        return metrics;
    }

    public IngestQueue ingest() {
        return ingest;
    }

    /** Whether the XMPP session is up and reports are taken (it reconnects by itself after a loss). */
    public boolean isConnected() {
        return connected();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (handler != null) {
            connection.xmpp().unregisterIQRequestHandler(handler);
        }
        scheduler.shutdownNow();
        ingest.close(DRAIN_TIMEOUT);
        replies.shutdown();
        try {
            if (!replies.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("answers still pending after 5 s; their spimes will resend");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            if (verifier != null) {
                certification.detach(verifier);
            }
            connection.close();
        }
        http.close();
        database.close();
        log.info("ScopeNode {} stopped", settings.snid());
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
