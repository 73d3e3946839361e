package org.openspime.web.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters over the audit log. Empty strings mean "any"; {@code action} matches as a prefix so that
 * {@code identity.} selects every identity action. Results come newest first.
 */
public record AuditQuery(
        String who,
        String action,
        String target,
        Optional<Instant> since,
        Optional<Instant> until,
        int offset,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        who = who == null ? "" : who.trim();
        action = action == null ? "" : action.trim();
        target = target == null ? "" : target.trim();
        offset = Math.max(0, offset);
        limit = Math.min(Math.max(1, limit), MAX_LIMIT);
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery("", "", "", Optional.empty(), Optional.empty(), 0, limit);
    }

    /** True when the entry passes these filters; in-memory stores and tests share this definition. */
    public boolean matches(AuditEntry e) {
        return (who.isEmpty() || e.who().equalsIgnoreCase(who))
                && (action.isEmpty() || e.action().startsWith(action))
                && (target.isEmpty() || e.target().contains(target))
                && since.map(s -> !e.when().isBefore(s)).orElse(true)
                && until.map(u -> e.when().isBefore(u)).orElse(true);
    }
}
