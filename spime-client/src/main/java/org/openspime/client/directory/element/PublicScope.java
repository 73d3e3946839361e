package org.openspime.client.directory.element;

import java.time.Instant;
import java.util.Objects;
import org.jxmpp.jid.EntityFullJid;

/**
 * One public scope the gate lists.
 *
 * @param snid      the ScopeNode collecting it, where reports for the scope go
 * @param online    whether that ScopeNode was connected to the gate when it answered
 * @param announced when the ScopeNode last announced it
 */
public record PublicScope(String name, EntityFullJid snid, String description, boolean online, Instant announced) {

    public PublicScope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(snid, "snid");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(announced, "announced");
    }
}
