package org.openspime.web.key;

import java.time.Clock;
import java.util.List;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.audit.AuditLog;
import org.openspime.web.identity.Actor;
import org.openspime.web.identity.IdentityRefused;

/** Key actions shared by the pages and the API, audited in one place like identity actions. */
public final class KeyService {

    private final KeyAdministration keys;
    private final AuditLog audit;
    private final Clock clock;

    public KeyService(KeyAdministration keys, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    public List<KeyView> keysOf(String jid) {
        return jid == null || jid.isBlank() ? List.of() : keys.keysOf(jid.trim());
    }

    public void revoke(Actor actor, String jid, String fingerprint, String reason) {
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID, "Say which key of " + jid + " to revoke.");
        }
        String why = reason == null || reason.isBlank() ? "revoked by operator" : reason.strip();
        keys.revoke(jid.trim(), fingerprint.trim(), why);
        audit.record(new AuditEntry(clock.instant(), actor.operator(), "key.revoke", jid.trim(),
                fingerprint.trim() + ": " + why, actor.from(), actor.via()));
    }
}
