package org.openspime.certification.attestation;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.BadSignatureException;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.KeyExpiredException;
import org.openspime.certification.KeyNotYetValidException;
import org.openspime.certification.KeyRevokedException;
import org.openspime.certification.UntrustedAttestorException;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.RsaKeys;

/**
 * Decides whether a fetched key may be trusted, against a set of {@link TrustAnchors}.
 *
 * <p>Checks, in this order, so the error names the most fundamental problem: the key is RSA and long
 * enough; at least one attestation comes from a trusted gate and its signature verifies; no trusted
 * revocation accompanies it; the instant of use falls in the attested validity. Attestations by gates
 * we do not trust are ignored rather than failing the key, because a key may be attested by several
 * gates and a verifier trusts only some. For the same reason a revocation signed by an untrusted gate
 * is ignored: otherwise anyone could revoke anyone's key by attaching one.
 *
 * <p>Thread-safe and stateless apart from its anchors; each check costs one RSA public-key operation
 * (about 40 µs for 2048 bits), which is why {@code client.KeyVerifier} caches results.
 */
public final class AttestationVerifier {

    private final TrustAnchors anchors;

    public AttestationVerifier(TrustAnchors anchors) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
    }

    public TrustAnchors anchors() {
        return anchors;
    }

    /**
     * Verifies {@code record} for use at instant {@code at} (now, or when a signature was made).
     *
     * @throws CertificationException a {@code KeyTooShortException}, {@code MalformedKeyException},
     *         {@link UntrustedAttestorException}, {@link BadSignatureException}, {@link KeyRevokedException},
     *         {@link KeyExpiredException} or {@link KeyNotYetValidException}
     */
    public VerifiedKey verify(KeyRecord record, Instant at) throws CertificationException {
        VerifiedKey verified = verifyTrust(record);
        PubKey pubKey = record.pubKey();
        if (at.isBefore(pubKey.begin())) {
            throw new KeyNotYetValidException("key " + pubKey.fingerprint() + " of " + pubKey.jid() + " is valid only from "
                    + Timestamps.format(pubKey.begin()));
        }
        if (!at.isBefore(pubKey.end())) {
            throw new KeyExpiredException("key " + pubKey.fingerprint() + " of " + pubKey.jid() + " expired at "
                    + Timestamps.format(pubKey.end()));
        }
        return verified;
    }

    /**
     * Everything {@link #verify} checks except the validity period, which a caller that caches the
     * result checks at each use against the {@link VerifiedKey}'s begin and end.
     */
    public VerifiedKey verifyTrust(KeyRecord record) throws CertificationException {
        PubKey pubKey = record.pubKey();
        RsaKeys.requireAcceptable(pubKey.key());
        VerifiedKey verified = VerifiedKey.of(pubKey, trustedAttestor(pubKey, record));
        Optional<Revocation> revocation = record.revocation();
        if (revocation.isPresent() && anchors.trusts(revocation.get().signer())) {
            verifyRevocation(revocation.get());
            throw new KeyRevokedException("key " + pubKey.fingerprint() + " of " + pubKey.jid() + " was revoked ("
                    + revocation.get().reason().token() + ") by " + revocation.get().signer() + " at "
                    + Timestamps.format(revocation.get().revokedAt()));
        }
        return verified;
    }

    /**
     * Checks a revocation on its own (a pushed notice).
     *
     * @throws UntrustedAttestorException if its signer is not a trust anchor (ignore the notice)
     * @throws BadSignatureException if a trusted signer's signature does not verify
     */
    public Revocation verifyRevocation(Revocation revocation) throws UntrustedAttestorException, BadSignatureException {
        RSAPublicKey anchor = anchors.key(revocation.signer(), revocation.signerFingerprint())
                .orElseThrow(() -> new UntrustedAttestorException("revocation of " + revocation.fingerprint() + " is signed by "
                        + revocation.signer() + " key " + revocation.signerFingerprint() + ", which is not a trust anchor"));
        byte[] bytes = SignedBytes.ofRevocation(revocation.jid(), revocation.fingerprint(), revocation.revokedAt(),
                revocation.reason(), revocation.signer(), revocation.signerFingerprint());
        if (!signatureVerifies(anchor, bytes, revocation.signature())) {
            throw new BadSignatureException("revocation of " + revocation.fingerprint() + " claims " + revocation.signer()
                    + " but its signature does not verify");
        }
        return revocation;
    }

    private Jid trustedAttestor(PubKey pubKey, KeyRecord record)
            throws UntrustedAttestorException, BadSignatureException {
        Attestation forged = null;
        for (Attestation attestation : record.attestations()) {
            Optional<RSAPublicKey> anchor = anchors.key(attestation.signer(), attestation.signerFingerprint());
            if (anchor.isEmpty() || !speaksFor(attestation.signer(), pubKey.jid())) {
                continue;
            }
            byte[] bytes = SignedBytes.ofAttestation(pubKey, attestation.signer(), attestation.signerFingerprint(), attestation.signedAt());
            if (signatureVerifies(anchor.get(), bytes, attestation.signature())) {
                return attestation.signer();
            }
            forged = attestation;
        }
        if (forged != null) {
            throw new BadSignatureException("attestation of key " + pubKey.fingerprint() + " of " + pubKey.jid() + " claims "
                    + forged.signer() + " but its signature does not verify (forged, or the key, JID or validity was altered)");
        }
        throw new UntrustedAttestorException("key " + pubKey.fingerprint() + " of " + pubKey.jid() + " has "
                + (record.attestations().isEmpty() ? "no attestation" : "no attestation by a trusted certification gate (attested by "
                + record.attestations().stream().map(a -> a.signer().toString()).distinct().reduce((a, b) -> a + ", " + b).orElse("") + ")"));
    }

    /**
     * A gate's certification service speaks for the identities of its own domain only: {@code certification.a.example}
     * (or {@code a.example}) attests keys of {@code *@a.example}, never of {@code *@b.example}, however much it is
     * trusted, so trusting gate A for A's spimes does not let A vouch for B's.
     */
    static boolean speaksFor(Jid signer, Jid subject) {
        String signerDomain = signer.domain();
        String subjectDomain = subject.domain();
        return signerDomain.equals(subjectDomain) || signerDomain.endsWith("." + subjectDomain);
    }

    static boolean signatureVerifies(PublicKey key, byte[] bytes, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(Attestor.JCA_ALGORITHM);
            signature.initVerify(key);
            signature.update(bytes);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A signature of the wrong length or encoding is simply not a valid signature.
            return false;
        }
    }
}
