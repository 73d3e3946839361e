package org.openspime.web.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openspime.web.identity.IdentityKind;

/**
 * The gate at one instant.
 *
 * @param connected          live sessions per kind of OSID
 * @param stanzasPerSecond   routed stanzas per second, averaged over the gate's own short window
 * @param errorsLastMinute   stream and stanza errors the gate sent in the last minute
 * @param certification      the certification service's activity since the gate started
 * @param publicScopeNodes   the public scopes ScopeNodes announced to the gate, by name
 */
public record GateSnapshot(
        Instant at,
        String domain,
        Map<IdentityKind, Integer> connected,
        double stanzasPerSecond,
        long errorsLastMinute,
        CertificationActivity certification,
        List<PublicScopeNode> publicScopeNodes) {

    public GateSnapshot {
        connected = Map.copyOf(connected);
        publicScopeNodes = List.copyOf(publicScopeNodes);
    }

    public int connectedTotal() {
        return connected.values().stream().mapToInt(Integer::intValue).sum();
    }
}
