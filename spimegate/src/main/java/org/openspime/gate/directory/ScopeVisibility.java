package org.openspime.gate.directory;

import java.util.Locale;
import java.util.Optional;

/** Whether the directory lists a scope to everyone ({@code public}) or keeps it to itself ({@code private}). */
public enum ScopeVisibility {
    PUBLIC,
    PRIVATE;

    /** The wire token, {@code public} or {@code private}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exactly {@code public} or {@code private}; anything else, case variants included, is not a visibility. */
    public static Optional<ScopeVisibility> parse(String token) {
        for (ScopeVisibility v : values()) {
            if (v.token().equals(token)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
