package org.openspime.gate.console;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.directory.ScopeDirectory;
import org.openspime.gate.engine.XmppEngine;
import org.openspime.gate.storage.GateStorage;
import org.openspime.gate.tls.GateCertificate;
import org.openspime.web.ConsoleBackends;
import org.openspime.web.ConsoleSettings;
import org.openspime.web.ManagementServer;
import org.openspime.web.TlsSettings;
import org.openspime.web.operator.OperatorAccounts;
import org.openspime.web.operator.PasswordHashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's HTTP port: the management server with the gate's implementations of the console's interfaces,
 * on {@code bind-address:http-port}, over HTTPS with the gate's own keystore when {@code http-tls} is set.
 *
 * <p>On the first start (no operator in the database yet) it creates the operator {@code admin} and logs its
 * generated password once, on the logger of this class; {@code openspime admin operator-password} sets it
 * later through the same {@link OperatorAccounts}.
 */
public final class GateConsole implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GateConsole.class);

    private final ManagementServer server;
    private final LiveGateStatus status;

    private GateConsole(ManagementServer server, LiveGateStatus status) {
        this.server = server;
        this.status = status;
    }

    /** Starts the management server; on failure nothing is left running. */
    public static GateConsole start(GateConfig config, GateStorage storage, XmppEngine engine,
                                    PrometheusMeterRegistry meters, GateCertificate certificate,
                                    GateKeyDirectory keys, ScopeDirectory directory, ConsoleSettings settings)
            throws IOException {
        var dataSource = storage.database().dataSource();
        JdbcOsidLookup lookup = new JdbcOsidLookup(dataSource);
        LiveGateStatus status = new LiveGateStatus(config.domain(), engine.registry(), lookup, meters, directory,
                settings.clock());
        ConsoleBackends backends = new ConsoleBackends(
                new GateIdentityAdministration(storage.identities(), lookup,
                        new IdentityTotals(settings.clock(), Duration.ofSeconds(5))),
                new GateKeyAdministration(keys, settings.clock()),
                status,
                new JdbcOperatorDirectory(dataSource),
                new JdbcAuditLog(dataSource),
                List.of(new DatabaseReachable(dataSource), new C2sListenerBound(engine)));
        Optional<TlsSettings> tls = config.httpTls()
                ? Optional.of(new TlsSettings(certificate.keyStore(), certificate.password(), certificate.password()))
                : Optional.empty();
        ManagementServer server = new ManagementServer(config.bindAddress(), config.httpPort(), backends, meters,
                settings, tls);
        try {
            server.start();
        } catch (Exception e) {
            status.close();
            server.stop();
            throw new IOException("cannot start the console on " + config.bindAddress() + ":" + config.httpPort()
                    + ": " + e.getMessage(), e);
        }
        GateConsole console = new GateConsole(server, status);
        try {
            log.info("console, /health and /metrics on {}", server.baseUri());
            server.operators().ensureFirstAdmin().ifPresent(password -> log.warn(
                    "first start: console operator 'admin' created with password {} (shown only this once; change"
                            + " it with: openspime admin operator-password admin) - sign in at {}",
                    password, server.baseUri().resolve("/sign-in")));
            return console;
        } catch (RuntimeException e) {
            console.close();
            throw e;
        }
    }

    /** Operator accounts on the gate's database, as the CLI uses them (the same code the console signs in with). */
    public static OperatorAccounts operators(GateStorage storage, ConsoleSettings settings) {
        return new OperatorAccounts(new JdbcOperatorDirectory(storage.database().dataSource()),
                new PasswordHashing(settings.passwordIterations()), settings.clock());
    }

    public int port() {
        return server.port();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            status.close();
        }
    }
}
