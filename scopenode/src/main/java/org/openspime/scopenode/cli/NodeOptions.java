package org.openspime.scopenode.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.TrustedGate;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.connection.GateTrust;
import org.openspime.scopenode.authorization.SpimeAuthorization;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.sql.Database;
import org.openspime.sql.Schema;
import picocli.CommandLine.Option;

/**
 * The ScopeNode's settings as flags, each also readable from the environment ({@code OPENSPIME_<KEY>}) and the
 * config file ({@code <key>=...}). Commands that only touch the database (authorize, revoke, authorized, status)
 * need only the data directory and database settings; {@code run} needs them all.
 */
final class NodeOptions {

    static final String DEFAULT_CONFIG = "scopenode.properties";
    static final String DEFAULT_DATA_DIR = "scopenode-data";

    @Option(names = "--config", paramLabel = "FILE",
            description = "properties file with the settings below (default: ./" + DEFAULT_CONFIG + " if present)")
    Path config;

    @Option(names = "--snid", paramLabel = "JID", description = "the ScopeNode's full JID, e.g. co2node@gate.example/co2")
    String snid;

    @Option(names = "--password", paramLabel = "TEXT", description = "the SNID's password at the gate (better: "
            + "OPENSPIME_PASSWORD or the config file)")
    String password;

    @Option(names = "--gate-host", paramLabel = "HOST", description = "the gate's host (default: the SNID's domain)")
    String gateHost;

    @Option(names = "--gate-port", paramLabel = "PORT", description = "the gate's c2s port (default 5222)")
    Integer gatePort;

    @Option(names = "--gate-cert", paramLabel = "SHA256",
            description = "pin the gate's TLS certificate by its SHA-256 fingerprint (openspime admin certificate)")
    String gateCert;

    @Option(names = "--gate-ca", paramLabel = "FILE", description = "trust gate certificates issued by the CA(s) in this PEM file")
    Path gateCa;

    @Option(names = "--certification-key", paramLabel = "SHA256",
            description = "pin the gate's certification key (default: the one its service publishes, over the verified connection)")
    String certificationKey;

    @Option(names = "--trust-gate", paramLabel = "SERVICE=PEM",
            description = "also trust another gate's certification service for its own identities (spimes reporting "
                    + "from that gate), with its key from a PEM file (openspime admin certification-key on that gate); "
                    + "repeatable, e.g. certification.a.example=a-cert.pem")
    java.util.List<String> trustGates;

    @Option(names = "--scope", paramLabel = "FILE", description = "the scope file (default scope.conf beside the config)")
    Path scope;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "keys and the embedded database (default ./" + DEFAULT_DATA_DIR + ")")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC", description = "jdbc:postgresql://... (default: embedded H2 in the data directory)")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "TEXT")
    String dbPassword;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", description = "query API address (default 127.0.0.1)")
    String httpBind;

    @Option(names = "--http-port", paramLabel = "PORT", description = "query API port (default " + NodeSettings.DEFAULT_HTTP_PORT + ", 0 = any free)")
    Integer httpPort;

    @Option(names = "--query-token", paramLabel = "TOKEN", description = "bearer token of the query API")
    String queryToken;

    @Option(names = "--retention-days", paramLabel = "DAYS", description = "delete readings older than this (default 0 = keep all)")
    Integer retentionDays;

    @Option(names = "--key-size", paramLabel = "BITS", description = "RSA key size for new keys: 3072 (default) or 2048")
    Integer keySize;

    private SettingSources sources;

    SettingSources sources() {
        if (sources == null) {
            Path file = config != null ? config : Path.of(DEFAULT_CONFIG);
            sources = SettingSources.load(file, config != null, System.getenv());
        }
        return sources;
    }

    /** For tests: settings from a given environment instead of the process's. */
    void useEnvironment(Map<String, String> environment) {
        Path file = config != null ? config : Path.of(DEFAULT_CONFIG);
        sources = SettingSources.load(file, config != null, environment);
    }

    Path dataDir() {
        return sources().path("data-dir", dataDir, DEFAULT_DATA_DIR);
    }

    Path scopeFile() {
        return sources().path("scope", scope, "scope.conf");
    }

    int keyBits() {
        int bits = sources().integer("key-size", keySize, RsaKeys.DEFAULT_BITS);
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            throw new IllegalArgumentException("key-size must be 2048, 3072 or 4096, not " + bits);
        }
        return bits;
    }

    /** Opens (and migrates) the ScopeNode's database with a small pool, for one command. */
    Database openDatabase() {
        SettingSources s = sources();
        return Database.open(s.string("db-url", dbUrl, null), s.string("db-user", dbUser, null),
                s.string("db-password", dbPassword, null), dataDir(), Schema.SCOPENODE, 2);
    }

    SpimeAuthorization authorization(Database database) {
        return new SpimeAuthorization(database.dataSource(), Duration.ofSeconds(1));
    }

    /** Every setting {@code run} needs; fails naming the first one missing or malformed. */
    NodeSettings resolve() throws IOException {
        SettingSources s = sources();
        Jid node = Jid.of(s.required("snid", snid));
        String trustPin = s.string("gate-cert", gateCert, null);
        Path ca = s.path("gate-ca", gateCa, null);
        GateTrust trust = trustPin != null ? GateTrust.pinned(trustPin)
                : ca != null ? GateTrust.certificates(ca) : GateTrust.system();
        NodeSettings settings = NodeSettings.of(node, s.required("password", password),
                        s.string("gate-host", gateHost, node.domain()), s.integer("gate-port", gatePort, 5222), trust,
                        scopeFile(), dataDir(), s.required("query-token", queryToken))
                .withDatabase(s.string("db-url", dbUrl, null), s.string("db-user", dbUser, null),
                        s.string("db-password", dbPassword, null))
                .withHttp(s.string("http-bind", httpBind, "127.0.0.1"),
                        s.integer("http-port", httpPort, NodeSettings.DEFAULT_HTTP_PORT))
                .withRetentionDays(s.integer("retention-days", retentionDays, 0))
                .withKeyBits(keyBits());
        String certKey = s.string("certification-key", certificationKey, null);
        if (certKey != null) {
            settings = settings.withCertificationKey(certKey);
        }
        String gates = s.string("trust-gate", trustGates == null ? null : String.join(",", trustGates), null);
        if (gates != null) {
            for (String entry : gates.split(",")) {
                settings = withTrustedGate(settings, entry.trim());
            }
        }
        return settings;
    }

    private static NodeSettings withTrustedGate(NodeSettings settings, String entry) throws IOException {
        TrustedGate gate;
        try {
            gate = TrustedGate.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trust-gate: " + e.getMessage(), e);
        }
        for (java.security.interfaces.RSAPublicKey key : gate.keys()) {
            settings = settings.withTrustedGate(gate.service().toString(), key);
        }
        return settings;
    }
}
