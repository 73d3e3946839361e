package org.openspime.gate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the gate federates with other XMPP domains (server-to-server, RFC 6120 with XEP-0220 dialback).
 *
 * @param peers               static addresses of peer domains, tried before DNS ({@code --peer DOMAIN=HOST:PORT})
 * @param pinnedCertificates  SHA-256 fingerprints of peer certificates trusted for a domain
 *                            ({@code --peer-cert DOMAIN=FINGERPRINT}, the form {@code admin certificate} prints)
 * @param caCertificates      PEM files of CA certificates trusted for any peer domain ({@code --s2s-ca})
 * @param allow               if not empty, the only peer domains the gate federates with ({@code --s2s-allow})
 * @param deny                peer domains the gate never federates with ({@code --s2s-deny})
 * @param connectTimeout      how long one TCP connect to a peer may take
 * @param setupTimeout        how long a whole outbound stream set-up (connect, TLS, dialback) may take
 * @param idleTimeout         an s2s stream with no traffic for this long is closed
 * @param peerStanzasPerSecond inbound stanzas accepted per second from one peer domain (0 = unlimited)
 * @param saslExternal        offer and use SASL EXTERNAL (XEP-0178) where a certificate proves the domain;
 *                            dialback otherwise
 */
public record FederationConfig(Map<String, HostPort> peers, Map<String, String> pinnedCertificates,
                               List<Path> caCertificates, Set<String> allow, Set<String> deny,
                               Duration connectTimeout, Duration setupTimeout, Duration idleTimeout,
                               int peerStanzasPerSecond, boolean saslExternal) {

    /** Where a peer domain's s2s listener is. */
    public record HostPort(String host, int port) {
        /** Parses {@code host:port} or {@code [v6]:port}; a missing port means 5269. */
        public static HostPort parse(String s) {
            String v = s.trim();
            int colon = v.lastIndexOf(':');
            if (colon < 0 || v.endsWith("]")) {
                return new HostPort(unbracket(v), 5269);
            }
            try {
                return new HostPort(unbracket(v.substring(0, colon)), Integer.parseInt(v.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("peer address must be HOST:PORT, got '" + s + "'");
            }
        }

        private static String unbracket(String host) {
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public FederationConfig {
        peers = Map.copyOf(lowerKeys(peers));
        pinnedCertificates = Map.copyOf(lowerKeys(pinnedCertificates));
        caCertificates = List.copyOf(caCertificates);
        allow = Set.copyOf(allow.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
        deny = Set.copyOf(deny.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
    }

    /** No static peers, no trust anchors (so no peer is trusted until one is configured), default timeouts. */
    public static FederationConfig defaults() {
        return new FederationConfig(Map.of(), Map.of(), List.of(), Set.of(), Set.of(), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMinutes(10), 20_000, true);
    }

    /**
     * Whether policy lets the gate exchange traffic with {@code domain}; an entry for a domain covers its
     * subdomains, so denying {@code a.example} also denies {@code certification.a.example}.
     */
    public boolean permits(String domain) {
        return !DomainSettings.covers(deny, domain) && (allow.isEmpty() || DomainSettings.covers(allow, domain));
    }

    public FederationConfig withPeer(String domain, HostPort address) {
        Map<String, HostPort> p = new java.util.HashMap<>(peers);
        p.put(domain, address);
        return new FederationConfig(p, pinnedCertificates, caCertificates, allow, deny, connectTimeout,
                setupTimeout, idleTimeout, peerStanzasPerSecond, saslExternal);
    }

    public FederationConfig withPinnedCertificate(String domain, String fingerprint) {
        Map<String, String> p = new java.util.HashMap<>(pinnedCertificates);
        p.put(domain, fingerprint);
        return new FederationConfig(peers, p, caCertificates, allow, deny, connectTimeout, setupTimeout,
                idleTimeout, peerStanzasPerSecond, saslExternal);
    }

    public FederationConfig withPolicy(Set<String> allowed, Set<String> denied) {
        return new FederationConfig(peers, pinnedCertificates, caCertificates, allowed, denied, connectTimeout,
                setupTimeout, idleTimeout, peerStanzasPerSecond, saslExternal);
    }

    public FederationConfig withTimeouts(Duration connect, Duration setup, Duration idle) {
        return new FederationConfig(peers, pinnedCertificates, caCertificates, allow, deny, connect, setup, idle,
                peerStanzasPerSecond, saslExternal);
    }

    public FederationConfig withPeerStanzaRate(int perSecond) {
        return new FederationConfig(peers, pinnedCertificates, caCertificates, allow, deny, connectTimeout,
                setupTimeout, idleTimeout, perSecond, saslExternal);
    }

    /** The same settings with SASL EXTERNAL offered and used, or not (dialback only). */
    public FederationConfig withSaslExternal(boolean on) {
        return new FederationConfig(peers, pinnedCertificates, caCertificates, allow, deny, connectTimeout,
                setupTimeout, idleTimeout, peerStanzasPerSecond, on);
    }

    private static <V> Map<String, V> lowerKeys(Map<String, V> m) {
        Map<String, V> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
