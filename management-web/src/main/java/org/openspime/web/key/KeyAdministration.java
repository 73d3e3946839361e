package org.openspime.web.key;

import java.util.List;

/**
 * The certification service's key store as the console drives it; implemented by the gate. Revoking
 * must publish the revocation to subscribers, which is why it goes through the gate and not straight to
 * the database.
 */
public interface KeyAdministration {

    /** Every key ever published for the JID, newest first, including expired and revoked ones. */
    List<KeyView> keysOf(String jid);

    /**
     * Revokes one key of the JID.
     *
     * @throws org.openspime.web.identity.IdentityRefused with NOT_FOUND if the JID has no such key
     */
    void revoke(String jid, String fingerprint, String reason);
}
