package org.openspime.gate.identity;

import java.util.Locale;

/** What an OSID stands for; the kind decides whether the JID must carry a resource. */
public enum OsidKind {
    /** A device or a relayed device: SpimeID, always a full JID. */
    SPIME(true),
    /** A ScopeNode: SNID, always a full JID. */
    SCOPENODE(true),
    /** A service: ServID, a bare or a full JID. */
    SERVICE(false);

    private final boolean resourceRequired;

    OsidKind(boolean resourceRequired) {
        this.resourceRequired = resourceRequired;
    }

    public boolean resourceRequired() {
        return resourceRequired;
    }

    /** What operators call it: SpimeID, SNID, ServID. */
    public String osidName() {
        return switch (this) {
            case SPIME -> "SpimeID";
            case SCOPENODE -> "SNID";
            case SERVICE -> "ServID";
        };
    }

    /** Parses {@code spime}, {@code SCOPENODE}, {@code service} in any case. */
    public static OsidKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IdentityException("unknown kind '" + text + "' (want spime, scopenode or service)");
        }
    }
}
