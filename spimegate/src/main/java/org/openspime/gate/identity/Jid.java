package org.openspime.gate.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;

/**
 * A JID as the registry stores it: local part and domain lower-cased (the part of nodeprep/nameprep that
 * matters for the ASCII identifiers devices use), resource kept as given. Parsing follows RFC 7622's split
 * rules (the first '/' starts the resource, so a resource may contain '@'), which Vysper's own parser gets wrong.
 *
 * @param local    the local part (never null here: the registry only holds accounts)
 * @param domain   the domain
 * @param resource the resource, or null for a bare JID
 */
public record Jid(String local, String domain, String resource) {
    private static final int MAX_PART_BYTES = 1023;
    private static final String LOCAL_FORBIDDEN = "\"&'/:<>@";

    /** Parses and checks a JID; the message of the exception says what is wrong with it. */
    public static Jid parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IdentityException("a JID is required");
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        String resource = slash < 0 ? null : s.substring(slash + 1);
        String beforeResource = slash < 0 ? s : s.substring(0, slash);
        int at = beforeResource.indexOf('@');
        if (at < 0) {
            throw new IdentityException("malformed JID '" + text + "': a local part is required (name@domain)");
        }
        String local = beforeResource.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = beforeResource.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        check(text, "local part", local);
        for (char c : local.toCharArray()) {
            if (LOCAL_FORBIDDEN.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                throw new IdentityException("malformed JID '" + text + "': the local part may not contain '" + c + "'");
            }
        }
        check(text, "domain", domain);
        if (!domain.matches("[\\p{L}\\p{N}.\\-_\\[\\]:]+")) {
            throw new IdentityException("malformed JID '" + text + "': '" + domain + "' is not a domain");
        }
        if (resource != null) {
            check(text, "resource", resource);
        }
        return new Jid(local, domain, resource);
    }

    private static void check(String text, String what, String part) {
        if (part.isEmpty()) {
            throw new IdentityException("malformed JID '" + text + "': empty " + what);
        }
        if (part.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
            throw new IdentityException("malformed JID '" + text + "': " + what + " longer than 1023 bytes");
        }
        for (char c : part.toCharArray()) {
            if (Character.isISOControl(c)) {
                throw new IdentityException("malformed JID '" + text + "': control character in the " + what);
            }
        }
    }

    public static Jid of(Entity entity) {
        return parse(entity.getFullQualifiedName());
    }

    public boolean isFull() {
        return resource != null;
    }

    public Jid bare() {
        return resource == null ? this : new Jid(local, domain, null);
    }

    public Jid withResource(String r) {
        return new Jid(local, domain, r);
    }

    public Entity toEntity() {
        return new EntityImpl(local, domain, resource);
    }

    @Override
    public String toString() {
        return local + "@" + domain + (resource == null ? "" : "/" + resource);
    }
}
