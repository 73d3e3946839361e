package org.openspime.gate.identity;

import java.util.Locale;

/** Whether an OSID may be used: a DISABLED one cannot be bound and does not let its account log in. */
public enum IdentityState {
    ACTIVE,
    DISABLED;

    public static IdentityState parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IdentityException("unknown state '" + text + "' (want active or disabled)");
        }
    }
}
