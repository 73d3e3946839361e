package org.openspime.gate.identity;

import org.apache.vysper.xmpp.addressing.Entity;

/**
 * Told when an identity stops being usable or its password changes, so that the gate can close the sessions that
 * rely on it. Called on the thread that made the change, or on the watcher's thread for changes made by another
 * process; keep it short and do not throw.
 *
 * <p>The JID is an OSID (full, or bare for a ServID) or an account; an account JID means every session of
 * that account is concerned.
 */
public interface IdentityListener {
    default void disabled(Entity jid) {
    }

    default void deleted(Entity jid) {
    }

    default void passwordChanged(Entity account) {
    }
}
