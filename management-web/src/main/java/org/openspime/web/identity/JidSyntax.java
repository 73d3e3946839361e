package org.openspime.web.identity;

import java.util.regex.Pattern;

/**
 * Syntax checks for the JIDs an operator types, so a mistake gets a clear message before it reaches the
 * registry. This is a conservative subset of RFC 7622: ASCII-compatible domains, localparts without the
 * characters the RFC forbids, resources without whitespace or controls. Internationalised JIDs are left to
 * the gate, which can still accept them through the same interface.
 */
public final class JidSyntax {

    private static final Pattern LOCAL = Pattern.compile("[^\\s\"&'/:<>@\\p{Cntrl}]{1,1023}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern RESOURCE = Pattern.compile("[^\\s\\p{Cntrl}]{1,1023}");

    private JidSyntax() {
    }

    /**
     * Checks that {@code jid} is well formed and has the shape its kind needs: SpimeIDs and SNIDs are full
     * JIDs ({@code local@domain/resource}); a ServID may be bare or a component domain.
     *
     * @return the JID trimmed, ready to store
     */
    public static String checked(IdentityKind kind, String jid) {
        String j = jid == null ? "" : jid.trim();
        if (j.isEmpty()) {
            throw refused(IdentityRefused.Reason.MALFORMED_JID, "A JID is required.");
        }
        int slash = j.indexOf('/');
        String bare = slash < 0 ? j : j.substring(0, slash);
        String resource = slash < 0 ? null : j.substring(slash + 1);
        int at = bare.indexOf('@');
        String local = at < 0 ? null : bare.substring(0, at);
        String domain = at < 0 ? bare : bare.substring(at + 1);
        if ((local != null && !LOCAL.matcher(local).matches())
                || !DOMAIN.matcher(domain).matches()
                || (resource != null && !RESOURCE.matcher(resource).matches())) {
            throw refused(IdentityRefused.Reason.MALFORMED_JID, "'" + j + "' is not a valid JID.");
        }
        if (kind.needsResource() && (local == null || resource == null)) {
            throw refused(IdentityRefused.Reason.WRONG_KIND, "A " + kind.label()
                    + " must be a full JID such as name@gate.example/resource; '" + j + "' is not.");
        }
        return j;
    }

    private static IdentityRefused refused(IdentityRefused.Reason reason, String message) {
        return new IdentityRefused(reason, message);
    }
}
