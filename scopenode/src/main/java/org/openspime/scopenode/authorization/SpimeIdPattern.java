package org.openspime.scopenode.authorization;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An authorization entry: a SpimeID ({@code local@domain/resource}) in which {@code *} stands for any run of
 * characters, possibly empty. Each part of the JID is matched on its own, so a {@code *} never reaches across an
 * {@code @} or a {@code /}: {@code *@gate.example/*} does not match {@code x@evil.example/y@gate.example/z}
 * (whose domain is evil.example), as one pattern over the whole string would. Local part and domain compare
 * case-insensitively, the resource exactly, as XMPP's address rules have it. A pattern always has a resource
 * part, since SpimeIDs are full JIDs; {@code /*} accepts any resource.
 */
public final class SpimeIdPattern {
    private final String text;
    private final Pattern local;
    private final Pattern domain;
    private final Pattern resource;
    private final boolean exact;

    private SpimeIdPattern(String text, Pattern local, Pattern domain, Pattern resource) {
        this.text = text;
        this.local = local;
        this.domain = domain;
        this.resource = resource;
        this.exact = !text.contains("*");
    }

    /** Parses an entry; throws IllegalArgumentException saying what is wrong with it. */
    public static SpimeIdPattern parse(String text) {
        Parts p = Parts.of(text.strip());
        if (p == null || p.local.isEmpty() || p.domain.isEmpty() || p.resource.isEmpty()) {
            throw new IllegalArgumentException("not a SpimeID or SpimeID pattern (want local@domain/resource,"
                    + " '*' for any run of characters within a part, e.g. *@gate.example/*): '" + text + "'");
        }
        return new SpimeIdPattern(p.local.toLowerCase(Locale.ROOT) + "@" + p.domain.toLowerCase(Locale.ROOT) + "/"
                + p.resource, glob(p.local.toLowerCase(Locale.ROOT)), glob(p.domain.toLowerCase(Locale.ROOT)),
                glob(p.resource));
    }

    /** Whether a full JID matches; anything that is not a full JID does not. */
    public boolean matches(String spimeId) {
        Parts p = Parts.of(spimeId);
        return p != null && !p.local.isEmpty() && !p.resource.isEmpty()
                && local.matcher(p.local.toLowerCase(Locale.ROOT)).matches()
                && domain.matcher(p.domain.toLowerCase(Locale.ROOT)).matches()
                && resource.matcher(p.resource).matches();
    }

    /** True when the entry has no {@code *}: it names one SpimeID. */
    public boolean isExact() {
        return exact;
    }

    /** The entry in normalized form (local part and domain lower-cased): how it is stored and listed. */
    public String text() {
        return text;
    }

    /** The normalized form of a full JID, to compare with exact entries. */
    static String normalize(String spimeId) {
        Parts p = Parts.of(spimeId);
        return p == null ? spimeId : p.local.toLowerCase(Locale.ROOT) + "@" + p.domain.toLowerCase(Locale.ROOT) + "/"
                + p.resource;
    }

    private static Pattern glob(String part) {
        StringBuilder re = new StringBuilder();
        int start = 0;
        for (int star = part.indexOf('*'); star >= 0; star = part.indexOf('*', start)) {
            re.append(Pattern.quote(part.substring(start, star))).append(".*");
            start = star + 1;
        }
        re.append(Pattern.quote(part.substring(start)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpimeIdPattern other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** A JID split as RFC 7622 does: the domain ends at the first '/', the local part at the '@' before it. */
    private record Parts(String local, String domain, String resource) {
        static Parts of(String jid) {
            int slash = jid.indexOf('/');
            if (slash < 0) {
                return null;
            }
            String bare = jid.substring(0, slash);
            int at = bare.indexOf('@');
            if (at < 0) {
                return null;
            }
            return new Parts(bare.substring(0, at), bare.substring(at + 1), jid.substring(slash + 1));
        }
    }
}
