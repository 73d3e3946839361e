package org.openspime.client.reporting;

import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.client.report.crypto.Recipient;

/** Where the reporter gets a ScopeNode's certified key to encrypt to; normally a {@link KeyVerifier} ({@link #of}). */
public interface RecipientLookup {

    /**
     * The ScopeNode's current certified key.
     *
     * @throws CertificationException no trusted key (unpublished, revoked, untrusted attestor)
     * @throws RuntimeException       the certification service could not be asked (e.g. {@code KeyFetchFailedException})
     */
    Recipient recipient(Jid snid) throws CertificationException;

    /** Forget what is cached for {@code snid}: it answered {@code no-key-available}, its key may have changed. */
    void forget(Jid snid);

    /** Through a verifier, which a CertificationManager keeps up to date with key-change notifications. */
    static RecipientLookup of(KeyVerifier verifier) {
        return new RecipientLookup() {
            @Override
            public Recipient recipient(Jid snid) throws CertificationException {
                return Recipient.of(verifier.currentKey(snid));
            }

            @Override
            public void forget(Jid snid) {
                verifier.invalidate(snid);
            }
        };
    }
}
