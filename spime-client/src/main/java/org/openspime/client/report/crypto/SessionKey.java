package org.openspime.client.report.crypto;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import org.openspime.client.report.element.TransportKey;

/**
 * One transport key of a sender towards one ScopeNode key. The wrapped form is attached to every report sealed
 * under it until the ScopeNode has acknowledged one that carried it ({@link #delivered}): reports are pipelined,
 * and the first may be lost or refused, so "only the first report carries the key" would strand the others.
 * Once delivered, reports carry only the reference and the ScopeNode pays no RSA operation for them.
 */
final class SessionKey {

    final SecretKey key;
    final TransportKey wrapped;
    final TransportKey reference;
    final Instant created;
    private final AtomicLong uses = new AtomicLong();
    private volatile boolean delivered;

    SessionKey(SecretKey key, TransportKey wrapped, Instant created) {
        this.key = key;
        this.wrapped = wrapped;
        this.reference = wrapped.referenceOnly();
        this.created = created;
    }

    /** Reserves one message under this key; false once the policy's budget is spent (the caller makes a new key). */
    boolean reserve(SessionKeyPolicy policy, Instant now) {
        if (!now.isBefore(created.plus(policy.maxAge()))) {
            return false;
        }
        return uses.incrementAndGet() <= policy.maxMessages();
    }

    /** What to put in the next report. */
    TransportKey keyToSend() {
        return delivered ? reference : wrapped;
    }

    void markDelivered() {
        delivered = true;
    }
}
