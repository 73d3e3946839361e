package org.openspime.gate.console;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.service.CertificationService;
import org.openspime.certification.service.PublishedKeyStore;

/**
 * The console's view of the gate's certification service: keys read from its store (expired and revoked ones
 * included, which the service's queries leave out), revocations made through the service so that subscribers
 * are told, and keys generated on the console published through the service as the entity's own.
 */
public final class CertificationKeyDirectory implements GateKeyDirectory {
    private final PublishedKeyStore store;
    private final CertificationService service;
    private final Duration keyLife;
    private final Clock clock;

    /** {@code keyLife}: the validity given to keys generated on the console, the gate's maximum key life. */
    public CertificationKeyDirectory(PublishedKeyStore store, CertificationService service, Duration keyLife,
                                     Clock clock) {
        this.store = store;
        this.service = service;
        this.keyLife = keyLife;
        this.clock = clock;
    }

    @Override
    public List<KeyRecord> keysOf(Jid jid) {
        return store.findByJid(jid);
    }

    @Override
    public Revocation revoke(Fingerprint fingerprint, RevocationReason reason) throws CertificationException {
        return service.revokeAsOperator(fingerprint, reason);
    }

    @Override
    public KeyRecord publish(Jid jid, RSAPublicKey key) throws CertificationException {
        Instant now = Timestamps.canonical(clock.instant());
        return service.publish(jid, new PubKey(jid, key, now, now.plus(keyLife)));
    }
}
