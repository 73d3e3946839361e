package org.openspime.web.key;

import java.security.KeyPair;
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

    /**
     * Publishes the public half of {@code pair} for the JID through the certification service exactly as if the
     * entity had published it (attested, stored, subscribers told), and returns the certificate chain to hand
     * over with the private key. The implementation must not keep the private key.
     *
     * @throws org.openspime.web.identity.IdentityRefused INVALID if the service refuses the key (too many keys...)
     */
    CertifiedKeyPair certify(String jid, KeyPair pair);
}
