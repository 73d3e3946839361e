package org.openspime.web.identity;

import java.time.Instant;

/**
 * One identity as the console shows it. {@code hasPassword} is false for key-only identities, which
 * authenticate with their certificate rather than a password.
 */
public record IdentityView(
        String jid,
        IdentityKind kind,
        IdentityState state,
        String description,
        Instant created,
        boolean hasPassword) {
}
