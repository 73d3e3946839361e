package org.openspime.gate.cli;

import java.nio.file.Path;
import java.util.Map;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.config.SettingSources;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code openspime gate} and {@code openspime admin}: both open the same database and
 * keystore. Every option can also come from the environment ({@code OPENSPIME_DB_URL}) or the config file
 * ({@code db-url=...}).
 */
public class GateOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (keys as the long flag names without dashes in front, e.g. c2s-port=5222).")
    Path config;

    @Option(names = "--domain", description = "XMPP domain served by this gate (default: localhost).")
    String domain;

    @Option(names = "--bind-address", paramLabel = "ADDR", description = "Address the listeners bind to (default: 0.0.0.0, all).")
    String bindAddress;

    @Option(names = "--c2s-port", paramLabel = "PORT", description = "Client port, STARTTLS required (default: 5222).")
    Integer c2sPort;

    @Option(names = "--s2s-port", paramLabel = "PORT", description = "Server-to-server port (default: 5269).")
    Integer s2sPort;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Console, /health and /metrics (default: 8080).")
    Integer httpPort;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory: embedded database, certificate, keys (default: ./data).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database URL; absent = embedded H2 under the data dir; jdbc:postgresql://... = PostgreSQL.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (prefer OPENSPIME_DB_PASSWORD or the config file).")
    String dbPassword;

    @Option(names = "--keystore", paramLabel = "P12", description = "PKCS#12 keystore with the gate's TLS certificate (default: generate one under the data dir).")
    Path keystore;

    @Option(names = "--keystore-password", description = "Password of --keystore.")
    String keystorePassword;

    @Option(names = "--http-tls", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "Serve the HTTP port (console, /health, /metrics) over HTTPS with the gate's keystore (default: false).")
    Boolean httpTls;

    @Option(names = "--max-stanza-size", paramLabel = "BYTES", description = "Largest stanza accepted (default: 65536).")
    Integer maxStanzaSize;

    @Option(names = "--max-key-life-days", paramLabel = "DAYS", description = "Longest key validity the certification service attests (default: 365).")
    Integer maxKeyLifeDays;

    @Option(names = "--peer", paramLabel = "DOMAIN=HOST:PORT", description = "Static s2s address of a peer domain, tried before DNS SRV (repeatable).")
    java.util.List<String> peers;

    @Option(names = "--peer-cert", paramLabel = "DOMAIN=SHA256", description = "Trust this certificate fingerprint (as 'admin certificate' prints it) for a peer domain (repeatable).")
    java.util.List<String> peerCerts;

    @Option(names = "--s2s-ca", paramLabel = "FILE", description = "PEM file of CA certificates trusted for peer domains (repeatable).")
    java.util.List<String> s2sCas;

    @Option(names = "--s2s-allow", paramLabel = "DOMAIN", description = "Federate only with these peer domains (repeatable; default: any).")
    java.util.List<String> s2sAllow;

    @Option(names = "--s2s-deny", paramLabel = "DOMAIN", description = "Never federate with these peer domains (repeatable).")
    java.util.List<String> s2sDeny;

    @Option(names = "--s2s-idle-seconds", paramLabel = "SECONDS", description = "Close s2s streams idle this long (default: 600).")
    Integer s2sIdleSeconds;

    /** Resolves flags, then environment, then config file, then defaults. */
    public GateConfig resolve() {
        return resolve(System.getenv());
    }

    GateConfig resolve(Map<String, String> environment) {
        SettingSources s = SettingSources.load(config, environment);
        GateConfig.Limits d = GateConfig.Limits.defaults();
        GateConfig.Limits limits = new GateConfig.Limits(
                s.integer("max-stanza-size", maxStanzaSize, d.maxStanzaBytes()),
                s.integer("max-stanzas-per-second", null, d.maxStanzasPerSecond()),
                s.integer("max-auth-failures", null, d.maxAuthFailures()),
                s.integer("auth-failure-window-seconds", null, d.authWindowSeconds()),
                s.integer("listen-backlog", null, d.listenBacklog()));
        String keystoreSetting = s.string("keystore", keystore == null ? null : keystore.toString(), null);
        return new GateConfig(
                s.string("domain", domain, "localhost"),
                s.string("bind-address", bindAddress, "0.0.0.0"),
                s.integer("c2s-port", c2sPort, 5222),
                s.integer("s2s-port", s2sPort, 5269),
                s.integer("http-port", httpPort, 8080),
                Path.of(s.string("data-dir", dataDir == null ? null : dataDir.toString(), "data")),
                s.string("db-url", dbUrl, null),
                s.string("db-user", dbUser, null),
                s.string("db-password", dbPassword, null),
                keystoreSetting == null ? null : Path.of(keystoreSetting),
                s.string("keystore-password", keystorePassword, null),
                limits,
                java.time.Duration.ofDays(s.integer("max-key-life-days", maxKeyLifeDays,
                        (int) GateConfig.DEFAULT_MAX_KEY_LIFE.toDays())),
                s.bool("http-tls", httpTls, false),
                org.openspime.gate.config.FederationSettings.resolve(s, peers, peerCerts, s2sCas, s2sAllow, s2sDeny,
                        s2sIdleSeconds));
    }
}
