package org.openspime.web.identity;

import java.util.Locale;
import java.util.Optional;

/** The three kinds of OSID a gate issues; the kind decides which JID shapes are allowed. */
public enum IdentityKind {
    /** A device or its stand-in; its SpimeID is always a full JID. */
    SPIME("SpimeID", true),
    /** A ScopeNode; its SNID is always a full JID. */
    SCOPENODE("SNID", true),
    /** A service; its ServID may be a bare JID or a component domain. */
    SERVICE("ServID", false);

    private final String label;
    private final boolean needsResource;

    IdentityKind(String label, boolean needsResource) {
        this.label = label;
        this.needsResource = needsResource;
    }

    /** The spec's name for an OSID of this kind, shown to operators. */
    public String label() {
        return label;
    }

    public boolean needsResource() {
        return needsResource;
    }

    /** Accepts the CLI and CSV spellings: {@code spime}, {@code scopenode}, {@code service}, any case. */
    public static Optional<IdentityKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (IdentityKind kind : values()) {
            if (kind.name().equals(t) || kind.label.toUpperCase(Locale.ROOT).equals(t)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
