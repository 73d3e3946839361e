package org.openspime.client.report.crypto;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.SenderKeyUnavailableException;
import org.openspime.client.report.TemporarilyUnavailableException;

/** Where the opener gets a sender's public key: normally certification's {@link KeyVerifier} ({@link #of}). */
@FunctionalInterface
public interface SenderKeys {

    /**
     * The certified key {@code fingerprint} of {@code sender}, trusted for a signature made at {@code signedAt}.
     *
     * @throws SenderKeyUnavailableException no such trusted key (unpublished, revoked, expired, untrusted)
     * @throws TemporarilyUnavailableException the certification service could not be asked
     */
    RSAPublicKey key(Jid sender, Fingerprint fingerprint, Instant signedAt)
            throws SenderKeyUnavailableException, TemporarilyUnavailableException;

    /**
     * Keys through a verifier: its refusals become {@link SenderKeyUnavailableException}; an unchecked failure to
     * reach the service (the Smack fetcher's {@code KeyFetchFailedException}) becomes
     * {@link TemporarilyUnavailableException}, so the spime retries instead of giving up.
     */
    static SenderKeys of(KeyVerifier verifier) {
        return (sender, fingerprint, signedAt) -> {
            try {
                return verifier.key(sender, fingerprint, signedAt).key();
            } catch (CertificationException e) {
                throw new SenderKeyUnavailableException("no trusted key " + fingerprint + " for " + sender + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new TemporarilyUnavailableException("cannot fetch the keys of " + sender + ": " + e.getMessage(), e);
            }
        };
    }
}
