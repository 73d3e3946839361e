package org.openspime.web.audit;

import java.time.Instant;

/**
 * One recorded action.
 *
 * @param who     the operator's name; an API call records the operator who owns the token
 * @param action  a stable verb such as {@code identity.create}, so the log can be filtered by prefix
 * @param target  what it acted on, usually a JID; empty when nothing in particular
 * @param detail  free text for the reader, e.g. the reason a key was revoked
 * @param from    the remote address the request came from
 * @param via     {@code console} or {@code api}
 */
public record AuditEntry(
        Instant when, String who, String action, String target, String detail, String from, String via) {
}
