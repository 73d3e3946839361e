package org.openspime.client.directory.element;

import java.util.Locale;

/** Whether the gate lists a scope to everyone or keeps it to itself. */
public enum ScopeVisibility {
    PUBLIC,
    PRIVATE;

    /** {@code public} or {@code private}, as the protocol writes it. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
