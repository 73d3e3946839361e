package org.openspime.scopenode.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.openspime.scopenode.scope.Scope;
import org.openspime.scopenode.storage.ReadingStore;

/**
 * The scope owner's HTTP server (Jetty, plain HTTP on the configured address, loopback by default: put a TLS proxy
 * in front to expose it). Routes: {@code /health} (no token), and with the bearer token {@code /api/readings},
 * {@code /api/export.csv}, {@code /api/aggregate}, {@code /api/scope} and {@code /metrics}.
 * Port 0 binds a free port, which {@link #port()} reports after {@link #start()}.
 */
public final class QueryServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    public QueryServer(String bindAddress, int port, String token, ReadingStore store, Scope scope,
                       PrometheusMeterRegistry registry, BooleanSupplier connected) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("scopenode-http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bindAddress);
        connector.setPort(port);
        server.addConnector(connector);

        Clock clock = Clock.systemUTC();
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.addServlet(new ServletHolder(new HealthServlet(connected)), "/health");
        FilterHolder guard = new FilterHolder(new BearerTokenFilter(token));
        context.addFilter(guard, "/api/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(guard, "/metrics", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new ReadingsServlet(store, scope.format(), clock)), "/api/readings");
        context.addServlet(new ServletHolder(new ExportServlet(store, scope.format(), clock)), "/api/export.csv");
        context.addServlet(new ServletHolder(new AggregateServlet(store, scope.format(), clock)), "/api/aggregate");
        context.addServlet(new ServletHolder(new ScopeServlet(scope)), "/api/scope");
        context.addServlet(new ServletHolder(new MetricsServlet(registry)), "/metrics");
        server.setHandler(context);
        server.setStopTimeout(5_000);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The bound port; the real one when 0 was asked for. */
    public int port() {
        return connector.getLocalPort();
    }

    public URI baseUri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("query server did not stop cleanly on port " + port(), e);
        }
    }
}
