package org.openspime.gate.identity;

import java.time.Instant;

/**
 * An OSID registered at this gate.
 *
 * @param jid         the OSID itself (full JID, or bare for a ServID)
 * @param account     the bare JID whose credentials authenticate sessions for this OSID
 * @param kind        SpimeID, SNID or ServID
 * @param description free text from the operator, may be null
 * @param owner       who answers for this identity (person, organisation), may be null
 * @param state       ACTIVE or DISABLED
 * @param createdAt   when it was registered
 */
public record Identity(Jid jid, Jid account, OsidKind kind, String description, String owner, IdentityState state,
                       Instant createdAt) {

    public boolean active() {
        return state == IdentityState.ACTIVE;
    }

    public Identity withState(IdentityState newState) {
        return new Identity(jid, account, kind, description, owner, newState, createdAt);
    }
}
