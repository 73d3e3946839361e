package org.openspime.gate.storage;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.UserAuthorization;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.identity.IdentityRegistry;

/**
 * Vysper's password check, for the Vysper code paths that still call it (its own PLAIN, XEP-0133). Checks the
 * password against the stored SCRAM-SHA-256 verifier; a disabled account does not verify.
 */
public final class JdbcUserAuthorization implements UserAuthorization {
    private final IdentityRegistry identities;

    public JdbcUserAuthorization(IdentityRegistry identities) {
        this.identities = identities;
    }

    @Override
    public boolean verifyCredentials(Entity jid, String passwordCleartext, Object credentials) {
        if (jid == null || passwordCleartext == null || !jid.getDomain().equalsIgnoreCase(identities.domain())) {
            return false;
        }
        Entity bare = jid.getBareJID();
        return identities.credentials(bare, ScramAlgorithm.SHA_256).map(c -> c.verify(passwordCleartext))
                .orElse(false) && identities.isAccountActive(bare);
    }

    @Override
    public boolean verifyCredentials(String username, String passwordCleartext, Object credentials) {
        try {
            return verifyCredentials(EntityImpl.parse(username), passwordCleartext, credentials);
        } catch (Exception e) {
            return false;
        }
    }
}
