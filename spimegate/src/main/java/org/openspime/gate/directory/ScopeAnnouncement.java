package org.openspime.gate.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * What a ScopeNode said about its scope, as the directory keeps it: one per SNID, the latest announcement wins.
 *
 * @param snid        the ScopeNode's full JID, as its session bound it
 * @param name        the scope's name, 1 to {@value ScopeDirectoryXml#MAX_NAME} characters
 * @param description free text, at most {@value ScopeDirectoryXml#MAX_DESCRIPTION} characters, may be empty
 * @param announced   when the gate last received it
 */
public record ScopeAnnouncement(String snid, String name, ScopeVisibility visibility, String description,
                                Instant announced) {

    public ScopeAnnouncement {
        Objects.requireNonNull(snid, "snid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(announced, "announced");
    }
}
