package org.openspime.gate.config;

import java.nio.file.Path;

/**
 * Everything a gate (and {@code openspime admin}, which opens the same database and keystore) needs to know.
 *
 * @param domain              the XMPP domain the gate serves, e.g. {@code gate.example}
 * @param bindAddress         the local address the listeners bind to; {@code 0.0.0.0} for all
 * @param c2sPort             client-to-server port (STARTTLS required); 0 picks a free port
 * @param s2sPort             server-to-server port; 0 picks a free port
 * @param httpPort            console, {@code /health} and {@code /metrics}; 0 picks a free port
 * @param dataDir             where the embedded database, the generated certificate and keys live
 * @param dbUrl               a JDBC URL, or null for the embedded H2 database under {@code dataDir}
 * @param dbUser              database user, may be null
 * @param dbPassword          database password, may be null
 * @param keystore            a PKCS#12 keystore with the gate's TLS key and certificate, or null to generate one
 * @param keystorePassword    the keystore's password, may be null for a generated keystore
 * @param limits              stream limits and abuse thresholds
 * @param maxKeyLife          the longest validity the certification service attests for a published key
 * @param httpTls             serve the HTTP port (console, health, metrics) over HTTPS with the gate's keystore
 * @param federation          server-to-server peers, trust and policy
 */
public record GateConfig(
        String domain,
        String bindAddress,
        int c2sPort,
        int s2sPort,
        int httpPort,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path keystore,
        String keystorePassword,
        Limits limits,
        java.time.Duration maxKeyLife,
        boolean httpTls,
        FederationConfig federation) {

    /** The default maximum key life: one year. */
    public static final java.time.Duration DEFAULT_MAX_KEY_LIFE = java.time.Duration.ofDays(365);

    /** A configuration with default federation settings (no peers trusted). */
    public GateConfig(String domain, String bindAddress, int c2sPort, int s2sPort, int httpPort, Path dataDir,
                      String dbUrl, String dbUser, String dbPassword, Path keystore, String keystorePassword,
                      Limits limits, java.time.Duration maxKeyLife, boolean httpTls) {
        this(domain, bindAddress, c2sPort, s2sPort, httpPort, dataDir, dbUrl, dbUser, dbPassword, keystore,
                keystorePassword, limits, maxKeyLife, httpTls, FederationConfig.defaults());
    }

    /** A configuration with the default maximum key life and plain HTTP on the HTTP port. */
    public GateConfig(String domain, String bindAddress, int c2sPort, int s2sPort, int httpPort, Path dataDir,
                      String dbUrl, String dbUser, String dbPassword, Path keystore, String keystorePassword,
                      Limits limits) {
        this(domain, bindAddress, c2sPort, s2sPort, httpPort, dataDir, dbUrl, dbUser, dbPassword, keystore,
                keystorePassword, limits, DEFAULT_MAX_KEY_LIFE, false);
    }

    /** A configuration with plain HTTP on the HTTP port. */
    public GateConfig(String domain, String bindAddress, int c2sPort, int s2sPort, int httpPort, Path dataDir,
                      String dbUrl, String dbUser, String dbPassword, Path keystore, String keystorePassword,
                      Limits limits, java.time.Duration maxKeyLife) {
        this(domain, bindAddress, c2sPort, s2sPort, httpPort, dataDir, dbUrl, dbUser, dbPassword, keystore,
                keystorePassword, limits, maxKeyLife, false);
    }

    /** The same configuration with HTTPS on the HTTP port switched on or off. */
    public GateConfig withHttpTls(boolean tls) {
        return new GateConfig(domain, bindAddress, c2sPort, s2sPort, httpPort, dataDir, dbUrl, dbUser, dbPassword,
                keystore, keystorePassword, limits, maxKeyLife, tls, federation);
    }

    /** The same configuration with other federation settings. */
    public GateConfig withFederation(FederationConfig settings) {
        return new GateConfig(domain, bindAddress, c2sPort, s2sPort, httpPort, dataDir, dbUrl, dbUser, dbPassword,
                keystore, keystorePassword, limits, maxKeyLife, httpTls, settings);
    }

    /**
     * Abuse limits.
     *
     * @param maxStanzaBytes      largest stanza accepted; a larger one ends the stream with {@code policy-violation}
     * @param maxStanzasPerSecond sustained inbound stanza rate per connection before the stream is ended
     * @param maxAuthFailures     failed authentications from one address within {@code authWindowSeconds}
     *                            before that address is refused for the rest of the window
     * @param authWindowSeconds   the window of the authentication throttle
     * @param listenBacklog       the listen backlog of the c2s socket (a burst of logins must not overflow it)
     */
    public record Limits(int maxStanzaBytes, int maxStanzasPerSecond, int maxAuthFailures, int authWindowSeconds,
                         int listenBacklog) {
        public static Limits defaults() {
            return new Limits(65_536, 5_000, 5, 300, 1_024);
        }

        /** The same limits with another per-connection stanza rate (0 = unlimited). */
        public Limits withStanzaRate(int perSecond) {
            return new Limits(maxStanzaBytes, perSecond, maxAuthFailures, authWindowSeconds, listenBacklog);
        }
    }

    /** The embedded database is in use when no URL is configured. */
    public boolean embeddedDatabase() {
        return dbUrl == null || dbUrl.isBlank();
    }
}
