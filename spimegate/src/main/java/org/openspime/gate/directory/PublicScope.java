package org.openspime.gate.directory;

/** A public scope as the directory answers it: the announcement, and whether its ScopeNode is connected now. */
public record PublicScope(ScopeAnnouncement announcement, boolean online) {
}
