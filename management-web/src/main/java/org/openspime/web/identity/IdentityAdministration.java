package org.openspime.web.identity;

import java.util.Optional;

/**
 * The gate's identity registry as the console drives it. Implemented by the gate over its JDBC store.
 *
 * <p>The console validates JID syntax and kind before calling, but an implementation still refuses with
 * {@link IdentityRefused} what only it can judge: a duplicate, a domain the gate does not serve, an
 * unknown JID. Disabling or deleting an identity must end its live XMPP sessions.
 */
public interface IdentityAdministration {

    /**
     * Issues an identity. With {@code wantPassword} the implementation generates a password, stores only
     * its hash and returns it once; without, the identity is key-only.
     */
    IssuedIdentity create(IdentityKind kind, String jid, String description, boolean wantPassword);

    IdentityListing list(IdentityQuery query);

    Optional<IdentityView> show(String jid);

    void disable(String jid);

    void enable(String jid);

    /** Replaces the password with a newly generated one, returned once. */
    String resetPassword(String jid);

    void delete(String jid);
}
