package org.openspime.gate.engine;

import org.apache.vysper.xmpp.addressing.Entity;

/**
 * Who the current thread is working for, while it handles one stanza: the bare JID on whose behalf the stanza
 * is processed (the sender while its stanza is handled, the recipient while a stanza is delivered to it), and
 * the account whose resources were last listed.
 *
 * <p>Vysper's presence and roster handlers look sessions up by resource name alone; resource names repeat across
 * accounts here ({@code .../spime}), so {@link GateResourceRegistry} uses these to tell which account's resource
 * is meant. Both are scoped to one {@link #runAs} call: a pooled thread must never carry them over to the next
 * stanza, or it would act on another account's session.
 */
public final class ActingEntity {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private static final class Scope {
        final Entity actor;
        Entity lastListed;

        Scope(Entity actor) {
            this.actor = actor;
        }
    }

    private ActingEntity() {
    }

    /** The bare JID the thread acts for, or null outside {@link #runAs}. */
    public static Entity current() {
        Scope s = CURRENT.get();
        return s == null ? null : s.actor;
    }

    /** The account whose resources this stanza's handling listed last, or null. */
    static Entity lastListed() {
        Scope s = CURRENT.get();
        return s == null ? null : s.lastListed;
    }

    /** Records that the handler is now looking at {@code account}'s resources. */
    static void listed(Entity account) {
        Scope s = CURRENT.get();
        if (s != null) {
            s.lastListed = account;
        }
    }

    /** Runs {@code work} acting for {@code entity}'s bare JID, in a fresh scope; the previous scope is restored. */
    public static void runAs(Entity entity, Runnable work) {
        Scope previous = CURRENT.get();
        CURRENT.set(new Scope(entity == null ? null : entity.getBareJID()));
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
