package org.openspime.gate.storage;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.authorization.AccountCreationException;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.OsidKind;

/**
 * Vysper's account management (used by in-band registration and XEP-0133 admin commands) on the identity
 * registry. An account created this way is registered as a bare ServID, since Vysper knows nothing of OSID
 * kinds; spimes and ScopeNodes are registered with their kind through the admin CLI or the console.
 */
public final class JdbcAccountManagement implements AccountManagement {
    private final IdentityRegistry identities;

    public JdbcAccountManagement(IdentityRegistry identities) {
        this.identities = identities;
    }

    @Override
    public void addUser(Entity username, String password) throws AccountCreationException {
        try {
            identities.create(OsidKind.SERVICE, username.getBareJID().getFullQualifiedName(),
                    "created through XMPP", password);
        } catch (IdentityException e) {
            throw new AccountCreationException(e.getMessage(), e);
        }
    }

    @Override
    public void changePassword(Entity username, String password) throws AccountCreationException {
        if (password == null) {
            throw new AccountCreationException("a new password is required");
        }
        try {
            identities.resetPassword(username.getBareJID().getFullQualifiedName(), password);
        } catch (IdentityException e) {
            throw new AccountCreationException(e.getMessage(), e);
        }
    }

    @Override
    public boolean verifyAccountExists(Entity jid) {
        try {
            return identities.accountExists(jid);
        } catch (IdentityException e) {
            return false;
        }
    }
}
