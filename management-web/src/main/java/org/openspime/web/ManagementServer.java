package org.openspime.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.openspime.web.api.ApiGuard;
import org.openspime.web.api.AuditApi;
import org.openspime.web.api.IdentitiesApi;
import org.openspime.web.api.IdentityApi;
import org.openspime.web.api.ImportJobsApi;
import org.openspime.web.api.KeyGenerationApi;
import org.openspime.web.api.KeysApi;
import org.openspime.web.api.StatusApi;
import org.openspime.web.bulk.ImportJobs;
import org.openspime.web.console.ConsoleRoutes;
import org.openspime.web.console.ConsoleServices;
import org.openspime.web.identity.IdentityService;
import org.openspime.web.key.KeyHandover;
import org.openspime.web.key.KeyService;
import org.openspime.web.operator.OperatorAccounts;
import org.openspime.web.operator.PasswordHashing;
import org.openspime.web.ops.HealthServlet;
import org.openspime.web.ops.MetricsServlet;
import org.openspime.web.session.LoginThrottle;
import org.openspime.web.session.SecurityHeaders;
import org.openspime.web.session.SessionRegistry;

/**
 * The gate's HTTP port: console pages, the JSON API, {@code /health*} and {@code /metrics}, on one embedded
 * Jetty 12 (Jakarta Servlet, ee10). The gate constructs it with its implementations of the console's
 * interfaces, calls {@link #start()}, prints {@link #operators()}{@code .ensureFirstAdmin()} if that
 * returns a password, and {@link #stop()}s it on shutdown.
 *
 * <p>Port 0 binds a free port, which {@link #port()} reports after start; tests rely on that.
 */
public final class ManagementServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final OperatorAccounts operators;
    private final boolean tls;
    private final ImportJobs imports;
    private final KeyHandover handover;

    public ManagementServer(String bindAddress, int port, ConsoleBackends backends, PrometheusMeterRegistry registry,
            ConsoleSettings settings, Optional<TlsSettings> https) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("management-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        tls = https.isPresent();
        if (tls) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // The gate's certificate names its XMPP domain, which need not be the host name the console is
            // reached by; the operator chose that keystore knowingly.
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(https.get().keyStore());
            ssl.setKeyStorePassword(new String(https.get().keyStorePassword()));
            ssl.setKeyManagerPassword(new String(https.get().keyPassword()));
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(bindAddress);
        connector.setPort(port);
        server.addConnector(connector);

        operators = new OperatorAccounts(backends.operators(), new PasswordHashing(settings.passwordIterations()),
                settings.clock());
        IdentityService identities = new IdentityService(backends.identities(), backends.audit(), settings.clock());
        handover = new KeyHandover(settings.clock(), Duration.ofMinutes(10));
        KeyService keys = new KeyService(backends.keys(), backends.identities(), handover, backends.audit(),
                settings.clock());
        imports = new ImportJobs(identities, settings.maxUploadRows(), 2, 8, Duration.ofMinutes(30), settings.clock());
        ConsoleServices services = new ConsoleServices(identities, imports, keys, operators, backends.audit(), backends.status(),
                new SessionRegistry(settings.clock(), settings.sessionIdle(), settings.sessionLifetime()),
                new LoginThrottle(settings.clock(), settings.signInAttempts(), settings.firstLock()),
                settings.clock(), settings.maxUploadBytes(), settings.maxUploadRows());

        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.addFilter(new FilterHolder(new SecurityHeaders()), "/*", EnumSet.allOf(DispatcherType.class));
        context.addServlet(new ServletHolder(new HealthServlet(backends.readiness())), "/health/*");
        context.addServlet(new ServletHolder(new MetricsServlet(registry)), "/metrics");
        ConsoleRoutes.install(context, services);
        context.addFilter(new FilterHolder(new ApiGuard(operators)), "/api/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new IdentitiesApi(identities, settings.maxUploadBytes(),
                settings.maxUploadRows())), "/api/identities/*");
        context.addServlet(new ServletHolder(new ImportJobsApi(imports, settings.maxUploadBytes())), "/api/import-jobs/*");
        context.addServlet(new ServletHolder(new IdentityApi(identities)), "/api/identity/*");
        context.addServlet(new ServletHolder(new KeysApi(keys)), "/api/keys/*");
        context.addServlet(new ServletHolder(new KeyGenerationApi(keys)), "/api/key-pairs/*");
        context.addServlet(new ServletHolder(new AuditApi(backends.audit())), "/api/audit");
        context.addServlet(new ServletHolder(new StatusApi(backends.status())), "/api/status");
        server.setHandler(context);
        server.setStopTimeout(5_000);
    }

    public void start() throws Exception {
        server.start();
    }

    /** Stops accepting, lets requests in flight finish for up to five seconds, then closes the port. */
    public void stop() {
        imports.close();
        handover.close();
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Jetty declares Exception; at shutdown the only useful thing is to report it to the caller's log.
            throw new IllegalStateException("management server did not stop cleanly on port " + port(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port; meaningful after {@link #start()}, and the real one when 0 was asked for. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Where to point a browser, e.g. {@code http://127.0.0.1:8080/}; the gate prints it at start. */
    public URI baseUri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port() + "/");
    }

    /** Operator accounts over the gate's directory: first admin, CLI password setting. */
    public OperatorAccounts operators() {
        return operators;
    }
}
