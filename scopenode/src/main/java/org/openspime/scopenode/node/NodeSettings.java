package org.openspime.scopenode.node;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.connection.GateTrust;
import org.openspime.client.report.codec.ReportLimits;

/**
 * Everything a ScopeNode needs to run. Built by the CLI from the config file, the environment and flags, or
 * directly by an embedding application or a test.
 *
 * @param snid              the ScopeNode's full JID
 * @param password          the SNID account's password at the gate
 * @param gateHost          the gate's host (its c2s port is {@code gatePort})
 * @param gateTrust         how the gate's TLS certificate is checked
 * @param certificationKey  fingerprint of the gate's certification key to trust, or null to trust the key the
 *                          gate's certification service publishes for itself, read over the verified connection
 * @param scopeFile         the scope definition
 * @param dataDir           keys, and the embedded database when {@code databaseUrl} is null
 * @param databaseUrl       a JDBC URL, or null for H2 under {@code dataDir}
 * @param httpBind          the query server's address (loopback by default)
 * @param httpPort          the query server's port, 0 for a free one
 * @param queryToken        the bearer token of the query API
 * @param retentionDays     readings older than this many days are deleted; 0 keeps everything
 * @param keyBits           size of a generated RSA key (2048 or more; 3072 by default)
 * @param limits            what one report may carry
 * @param commitWait        how long a report waits for its commit before temporarily-unavailable is answered
 * @param trustedGates      other gates' certification services trusted to attest keys of their own identities
 *                          (spimes reporting across federation), each with its certification public key
 */
public record NodeSettings(Jid snid, String password, String gateHost, int gatePort, GateTrust gateTrust,
                           String certificationKey, Path scopeFile, Path dataDir, String databaseUrl,
                           String databaseUser, String databasePassword, String httpBind, int httpPort,
                           String queryToken, int retentionDays, int keyBits, ReportLimits limits,
                           Duration commitWait, Map<String, List<PublicKey>> trustedGates) {

    public static final int DEFAULT_HTTP_PORT = 8480;
    public static final Duration DEFAULT_COMMIT_WAIT = Duration.ofSeconds(10);

    public NodeSettings {
        Objects.requireNonNull(snid, "snid");
        if (snid.isBare()) {
            throw new IllegalArgumentException("an SNID is a full JID (account@domain/resource), not " + snid);
        }
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(gateHost, "gateHost");
        Objects.requireNonNull(gateTrust, "gateTrust");
        Objects.requireNonNull(scopeFile, "scopeFile");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(httpBind, "httpBind");
        if (queryToken == null || queryToken.length() < 16) {
            throw new IllegalArgumentException("the query token must be at least 16 characters");
        }
        if (retentionDays < 0) {
            throw new IllegalArgumentException("retention days must be 0 (keep all) or more");
        }
        if (keyBits < RsaKeys.MINIMUM_BITS) {
            throw new IllegalArgumentException("key size must be at least " + RsaKeys.MINIMUM_BITS + " bits");
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(commitWait, "commitWait");
        trustedGates = Map.copyOf(trustedGates);
    }

    /** Settings with the defaults for what is not given: loopback HTTP, keep everything, RSA-3072. */
    public static NodeSettings of(Jid snid, String password, String gateHost, int gatePort, GateTrust gateTrust,
                                  Path scopeFile, Path dataDir, String queryToken) {
        return new NodeSettings(snid, password, gateHost, gatePort, gateTrust, null, scopeFile, dataDir, null, null,
                null, "127.0.0.1", DEFAULT_HTTP_PORT, queryToken, 0, RsaKeys.DEFAULT_BITS, ReportLimits.DEFAULT,
                DEFAULT_COMMIT_WAIT, Map.of());
    }

    public NodeSettings withDatabase(String url, String user, String password) {
        return new NodeSettings(snid, this.password, gateHost, gatePort, gateTrust, certificationKey, scopeFile,
                dataDir, url, user, password, httpBind, httpPort, queryToken, retentionDays, keyBits, limits,
                commitWait, trustedGates);
    }

    public NodeSettings withHttp(String bind, int port) {
        return new NodeSettings(snid, password, gateHost, gatePort, gateTrust, certificationKey, scopeFile, dataDir,
                databaseUrl, databaseUser, databasePassword, bind, port, queryToken, retentionDays, keyBits, limits,
                commitWait, trustedGates);
    }

    public NodeSettings withKeyBits(int bits) {
        return new NodeSettings(snid, password, gateHost, gatePort, gateTrust, certificationKey, scopeFile, dataDir,
                databaseUrl, databaseUser, databasePassword, httpBind, httpPort, queryToken, retentionDays, bits,
                limits, commitWait, trustedGates);
    }

    public NodeSettings withLimits(ReportLimits newLimits) {
        return new NodeSettings(snid, password, gateHost, gatePort, gateTrust, certificationKey, scopeFile, dataDir,
                databaseUrl, databaseUser, databasePassword, httpBind, httpPort, queryToken, retentionDays, keyBits,
                newLimits, commitWait, trustedGates);
    }

    public NodeSettings withRetentionDays(int days) {
        return new NodeSettings(snid, password, gateHost, gatePort, gateTrust, certificationKey, scopeFile, dataDir,
                databaseUrl, databaseUser, databasePassword, httpBind, httpPort, queryToken, days, keyBits, limits,
                commitWait, trustedGates);
    }

    public NodeSettings withCertificationKey(String fingerprint) {
        return new NodeSettings(snid, password, gateHost, gatePort, gateTrust, fingerprint, scopeFile, dataDir,
                databaseUrl, databaseUser, databasePassword, httpBind, httpPort, queryToken, retentionDays, keyBits,
                limits, commitWait, trustedGates);
    }

    /** Also trusts {@code service} (e.g. {@code certification.a.example}) with {@code key} for its gate's identities. */
    public NodeSettings withTrustedGate(String service, PublicKey key) {
        Map<String, List<PublicKey>> gates = new java.util.LinkedHashMap<>(trustedGates);
        List<PublicKey> keys = new java.util.ArrayList<>(gates.getOrDefault(service, List.of()));
        keys.add(key);
        gates.put(service, List.copyOf(keys));
        return new NodeSettings(snid, password, gateHost, gatePort, gateTrust, certificationKey, scopeFile, dataDir,
                databaseUrl, databaseUser, databasePassword, httpBind, httpPort, queryToken, retentionDays, keyBits,
                limits, commitWait, gates);
    }

    @Override
    public String toString() {
        return "NodeSettings[" + snid + " via " + gateHost + ":" + gatePort + ", scope " + scopeFile + ", data "
                + dataDir + ", http " + httpBind + ":" + httpPort + "]";
    }
}
