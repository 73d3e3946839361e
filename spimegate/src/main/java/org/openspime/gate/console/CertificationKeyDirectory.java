package org.openspime.gate.console;

import java.util.List;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.service.CertificationService;
import org.openspime.certification.service.PublishedKeyStore;

/**
 * The console's view of the gate's certification service: keys read from its store (expired and revoked ones
 * included, which the service's queries leave out), revocations made through the service so that subscribers
 * are told.
 */
public final class CertificationKeyDirectory implements GateKeyDirectory {
    private final PublishedKeyStore store;
    private final CertificationService service;

    public CertificationKeyDirectory(PublishedKeyStore store, CertificationService service) {
        this.store = store;
        this.service = service;
    }

    @Override
    public List<KeyRecord> keysOf(Jid jid) {
        return store.findByJid(jid);
    }

    @Override
    public Revocation revoke(Fingerprint fingerprint, RevocationReason reason) throws CertificationException {
        return service.revokeAsOperator(fingerprint, reason);
    }
}
