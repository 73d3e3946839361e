package org.openspime.gate.console;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.vysper.xmpp.addressing.Entity;
import org.openspime.gate.console.JdbcOsidLookup.Registered;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.Jid;
import org.openspime.gate.identity.OsidKind;
import org.openspime.web.identity.IdentityKind;

/**
 * Counts bound sessions by the kind of OSID they speak for. The kind of each bound JID is looked up once, in
 * batches, and remembered while that JID stays bound: an OSID's kind cannot change under a live session (a
 * deleted identity loses its sessions), so the cache needs no invalidation, only trimming to what is bound.
 * With 10,000 idle devices connected, an overview refresh is then a walk over the bound JIDs and no query.
 *
 * <p>A bound JID that is not itself an OSID (a bare ServID binding a resource of its choice, or an unregistered
 * resource where the gate allows them) counts as the kind of its account's first OSID.
 */
final class ConnectedKinds {
    private final JdbcOsidLookup lookup;
    private final Map<String, OsidKind> kinds = new ConcurrentHashMap<>();

    ConnectedKinds(JdbcOsidLookup lookup) {
        this.lookup = lookup;
    }

    synchronized Map<IdentityKind, Integer> count(List<Entity> bound) {
        List<Jid> jids = new ArrayList<>(bound.size());
        for (Entity e : bound) {
            try {
                jids.add(Jid.of(e));
            } catch (IdentityException notAnOsid) {
                // nothing the registry could hold; not counted
            }
        }
        resolveUnknown(jids);
        Map<IdentityKind, Integer> counts = new EnumMap<>(IdentityKind.class);
        for (IdentityKind k : IdentityKind.values()) {
            counts.put(k, 0);
        }
        Set<String> live = new HashSet<>();
        for (Jid j : jids) {
            String key = j.toString();
            live.add(key);
            OsidKind kind = kinds.get(key);
            if (kind != null) {
                counts.merge(IdentityKind.valueOf(kind.name()), 1, Integer::sum);
            }
        }
        kinds.keySet().retainAll(live);
        return counts;
    }

    private void resolveUnknown(List<Jid> jids) {
        List<Jid> unknown = jids.stream().filter(j -> !kinds.containsKey(j.toString())).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, List<Registered>> byAccount = lookup.osidsOfAccounts(
                unknown.stream().map(j -> j.bare().toString()).toList());
        for (Jid j : unknown) {
            List<Registered> osids = byAccount.getOrDefault(j.bare().toString(), List.of());
            osids.stream().filter(r -> r.jid().equals(j.toString())).findFirst()
                    .or(() -> osids.stream().filter(r -> r.jid().equals(j.bare().toString())).findFirst())
                    .or(() -> osids.stream().findFirst())
                    .ifPresent(r -> kinds.put(j.toString(), r.kind()));
        }
    }
}
