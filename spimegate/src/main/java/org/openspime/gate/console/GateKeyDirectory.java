package org.openspime.gate.console;

import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;

/**
 * What the console needs from the gate's certification service: the keys kept for a JID, and revocation on the
 * operator's authority. The service (its store's {@code findByJid}, its {@code revokeAsOperator}) implements it;
 * revoking goes through the service and not the store so that subscribers hear of it.
 */
public interface GateKeyDirectory {

    /** Every record kept for the JID, expired and revoked ones included, in any order. */
    List<KeyRecord> keysOf(Jid jid);

    /**
     * Revokes the key with this fingerprint, signing and publishing the revocation.
     *
     * @throws CertificationException when no key has that fingerprint, or the service refuses
     */
    Revocation revoke(Fingerprint fingerprint, RevocationReason reason) throws CertificationException;

    /**
     * Publishes {@code key} for {@code jid} as if the entity had published it itself (the gate's longest validity,
     * from now): attested, stored, subscribers told.
     *
     * @throws CertificationException when the service refuses it (too many keys, a key bound elsewhere...)
     */
    KeyRecord publish(Jid jid, RSAPublicKey key) throws CertificationException;
}
