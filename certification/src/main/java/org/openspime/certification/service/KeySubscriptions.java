package org.openspime.certification.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyQuery;

/**
 * Who wants to hear about whose keys. Vysper has no PEP, so the gate keeps this itself and, on a
 * {@link KeyChange}, pushes a notification to {@link #subscribersOf(Jid)}.
 *
 * <p>Held in memory on purpose: a subscription lives as long as the subscriber's session (the gate calls
 * {@link #unsubscribeAll(Jid)} when it ends), and a client re-subscribes with its next query after
 * reconnecting, having dropped its cache anyway. Thread-safe through concurrent maps; the indexes are
 * kept in both directions so ending a session does not scan every JID.
 */
public final class KeySubscriptions {

    private final Map<Jid, Set<Jid>> subscribersByJid = new ConcurrentHashMap<>();
    private final Map<Jid, Set<Jid>> jidsBySubscriber = new ConcurrentHashMap<>();

    /** Applies the {@code subscribe} attribute of a query made by {@code subscriber}. */
    public void apply(Jid subscriber, KeyQuery query) {
        switch (query.subscription()) {
            case SUBSCRIBE: subscribe(subscriber, query.jid()); break;
            case UNSUBSCRIBE: unsubscribe(subscriber, query.jid()); break;
            default: break;
        }
    }

    public void subscribe(Jid subscriber, Jid jid) {
        // Adding inside compute(): a set emptied and removed by a concurrent unsubscribe cannot swallow the add.
        subscribersByJid.compute(jid, (j, set) -> with(set, subscriber));
        jidsBySubscriber.compute(subscriber, (s, set) -> with(set, jid));
    }

    public void unsubscribe(Jid subscriber, Jid jid) {
        subscribersByJid.computeIfPresent(jid, (j, set) -> set.remove(subscriber) && set.isEmpty() ? null : set);
        jidsBySubscriber.computeIfPresent(subscriber, (s, set) -> set.remove(jid) && set.isEmpty() ? null : set);
    }

    /** Drops every subscription of a subscriber whose session ended. */
    public void unsubscribeAll(Jid subscriber) {
        Set<Jid> jids = jidsBySubscriber.remove(subscriber);
        if (jids != null) {
            for (Jid jid : jids) {
                subscribersByJid.computeIfPresent(jid, (j, set) -> set.remove(subscriber) && set.isEmpty() ? null : set);
            }
        }
    }

    private static Set<Jid> with(Set<Jid> set, Jid member) {
        Set<Jid> result = set == null ? ConcurrentHashMap.newKeySet() : set;
        result.add(member);
        return result;
    }

    /** A snapshot of who subscribed to {@code jid}'s keys. */
    public Set<Jid> subscribersOf(Jid jid) {
        Set<Jid> set = subscribersByJid.get(jid);
        return set == null ? Set.of() : Set.copyOf(set);
    }
}
