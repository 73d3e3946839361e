package org.openspime.certification.element;

import java.util.Objects;
import org.openspime.certification.Jid;

/**
 * A request for the keys of {@code jid}, which may also start or stop change notifications for it.
 * Subscribing with the query means a client never misses a change made between its fetch and its
 * subscription.
 */
public record KeyQuery(Jid jid, Subscription subscription) {

    /** What the query does to the asker's subscription to {@code jid}. */
    public enum Subscription {
        /** No {@code subscribe} attribute: leave any subscription as it is. */
        UNCHANGED,
        /** {@code subscribe='true'}. */
        SUBSCRIBE,
        /** {@code subscribe='false'}. */
        UNSUBSCRIBE
    }

    public KeyQuery {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subscription, "subscription");
    }

    public static KeyQuery of(Jid jid) {
        return new KeyQuery(jid, Subscription.UNCHANGED);
    }
}
