package org.openspime.certification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A JID as this module needs it: parsed once, compared reliably, printed canonically.
 *
 * <p>The module must not depend on Smack, so it carries its own small value type; callers convert with
 * {@code Jid.of(smackJid.toString())}. The local part and the domain are lower-cased (ASCII and Unicode
 * simple case folding through {@link Locale#ROOT}), which is what PRECIS case mapping does for the JIDs
 * OpenSpime issues; the resource is kept exactly, as RFC 7622 requires. That normal form is also the form
 * that enters signed bytes, so two implementations agree on what was attested.
 */
public final class Jid {

    private static final int MAX_PART_BYTES = 1023;
    private static final String FORBIDDEN_IN_LOCAL = "\"&'/:<>@";

    private final String local;
    private final String domain;
    private final String resource;
    private final String text;

    private Jid(String local, String domain, String resource) {
        this.local = local;
        this.domain = domain;
        this.resource = resource;
        StringBuilder b = new StringBuilder();
        if (local != null) {
            b.append(local).append('@');
        }
        b.append(domain);
        if (resource != null) {
            b.append('/').append(resource);
        }
        this.text = b.toString();
    }

    /**
     * Parses {@code [local@]domain[/resource]}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static Jid of(String jid) {
        if (jid == null || jid.isEmpty()) {
            throw new IllegalArgumentException("empty JID");
        }
        int slash = jid.indexOf('/');
        String bare = slash < 0 ? jid : jid.substring(0, slash);
        String resource = slash < 0 ? null : jid.substring(slash + 1);
        int at = bare.indexOf('@');
        String local = at < 0 ? null : bare.substring(0, at);
        String domain = at < 0 ? bare : bare.substring(at + 1);
        if (local != null) {
            local = local.toLowerCase(Locale.ROOT);
            requirePart(local, "local part", jid);
            for (int i = 0; i < local.length(); i++) {
                if (FORBIDDEN_IN_LOCAL.indexOf(local.charAt(i)) >= 0) {
                    throw new IllegalArgumentException("JID '" + jid + "': local part contains '" + local.charAt(i) + "'");
                }
            }
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        requirePart(domain, "domain", jid);
        if (domain.indexOf('@') >= 0) {
            throw new IllegalArgumentException("JID '" + jid + "': domain contains '@'");
        }
        if (resource != null) {
            requirePart(resource, "resource", jid);
        }
        return new Jid(local, domain, resource);
    }

    private static void requirePart(String part, String name, String jid) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("JID '" + jid + "': empty " + name);
        }
        if (part.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
            throw new IllegalArgumentException("JID: " + name + " longer than " + MAX_PART_BYTES + " bytes");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean whitespaceForbidden = !"resource".equals(name) && Character.isWhitespace(c);
            if (Character.isISOControl(c) || whitespaceForbidden) {
                throw new IllegalArgumentException("JID '" + jid.strip() + "': " + name + " contains a control or space character");
            }
        }
    }

    public Optional<String> local() {
        return Optional.ofNullable(local);
    }

    public String domain() {
        return domain;
    }

    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    /** This JID without its resource; itself when it has none. */
    public Jid bare() {
        return resource == null ? this : new Jid(local, domain, null);
    }

    public boolean isBare() {
        return resource == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jid && ((Jid) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical text form, the one written in XML and in signed bytes. */
    @Override
    public String toString() {
        return text;
    }
}
