package org.openspime.web.status;

/**
 * A public scope a ScopeNode announced to the gate.
 *
 * @param name   the scope's name as announced
 * @param snid   the ScopeNode's full JID
 * @param online whether the ScopeNode is connected to the gate now
 */
public record PublicScopeNode(String name, String snid, String description, boolean online) {
}
