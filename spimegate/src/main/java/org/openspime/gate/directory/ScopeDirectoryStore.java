package org.openspime.gate.directory;

import java.util.List;

/** Where announcements are kept; the gate's database ({@link JdbcScopeDirectoryStore}). */
public interface ScopeDirectoryStore {

    /** Keeps the announcement, replacing the SNID's previous one. The SNID must be a registered OSID. */
    void announce(ScopeAnnouncement announcement);

    /** The public announcements of SNIDs that are still registered and enabled, by name then SNID. */
    List<ScopeAnnouncement> publicScopes();
}
