package org.openspime.gate.engine;

import org.apache.vysper.xmpp.addressing.Entity;

/**
 * The bare JID on whose behalf the current thread is processing a stanza: the sender while its stanza is
 * handled, the recipient while a stanza is delivered to it. Vysper's presence and roster handlers look sessions
 * up by resource name alone; resource names repeat across accounts here ({@code .../spime}), so the registry
 * uses this to tell which account's resource is meant.
 */
public final class ActingEntity {
    private static final ThreadLocal<Entity> CURRENT = new ThreadLocal<>();

    private ActingEntity() {
    }

    public static Entity current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with {@code entity}'s bare JID as the acting entity, restoring the previous one after. */
    public static void runAs(Entity entity, Runnable work) {
        Entity previous = CURRENT.get();
        CURRENT.set(entity == null ? null : entity.getBareJID());
        try {
            work.run();
        } finally {
            CURRENT.set(previous);
        }
    }
}
