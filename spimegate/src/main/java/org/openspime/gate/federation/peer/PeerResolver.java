package org.openspime.gate.federation.peer;

import java.util.List;
import java.util.Map;
import org.openspime.gate.config.DomainSettings;
import org.openspime.gate.config.FederationConfig.HostPort;

/**
 * Where to connect for a peer domain (RFC 6120 3.2): the static map first (closed networks, tests; an entry for
 * {@code a.example} also serves {@code certification.a.example}), then DNS SRV
 * {@code _xmpp-server._tcp.<domain>}, then the domain itself (its A/AAAA records) on port 5269.
 */
public final class PeerResolver {
    static final int DEFAULT_PORT = 5269;

    private final Map<String, HostPort> staticPeers;
    private final int dnsTimeoutMillis;

    public PeerResolver(Map<String, HostPort> staticPeers, int dnsTimeoutMillis) {
        this.staticPeers = staticPeers;
        this.dnsTimeoutMillis = dnsTimeoutMillis;
    }

    /** Candidate addresses in the order to try them; never empty. Blocking (DNS). */
    public List<HostPort> resolve(String domain) {
        HostPort configured = DomainSettings.nearest(staticPeers, domain).orElse(null);
        if (configured != null) {
            return List.of(configured);
        }
        List<HostPort> srv = SrvLookup.lookup("_xmpp-server._tcp." + domain, dnsTimeoutMillis);
        if (!srv.isEmpty()) {
            return srv;
        }
        return List.of(new HostPort(domain, DEFAULT_PORT));
    }
}
