package org.openspime.web.identity;

import java.util.Locale;
import java.util.Optional;

/** Whether an identity may log in. A disabled identity keeps its record and keys but its sessions end. */
public enum IdentityState {
    ACTIVE,
    DISABLED;

    public static Optional<IdentityState> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
