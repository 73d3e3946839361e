package org.openspime.gate.console;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityRefused.Reason;
import org.openspime.web.key.CertifiedKeyPair;
import org.openspime.web.key.KeyAdministration;
import org.openspime.web.key.KeyState;
import org.openspime.web.key.KeyView;

/**
 * The console's key pages over a {@link GateKeyDirectory}: records become {@link KeyView}s (newest first, state
 * from revocation and validity), and a revocation asked for by JID and fingerprint is checked to concern that
 * JID before the service revokes it.
 *
 * <p>The console takes a free-text reason, which the audit trail keeps; the signed revocation carries one of the
 * protocol's reason tokens: the text itself when it is one ({@code key-compromise}, {@code superseded},
 * {@code retired}), {@code unspecified} otherwise.
 */
public final class GateKeyAdministration implements KeyAdministration {
    private final GateKeyDirectory directory;
    private final Clock clock;

    public GateKeyAdministration(GateKeyDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public List<KeyView> keysOf(String jid) {
        Instant now = clock.instant();
        return records(parsed(jid)).stream()
                .sorted(Comparator.comparing((KeyRecord r) -> r.pubKey().begin()).reversed())
                .map(r -> view(r, now)).toList();
    }

    @Override
    public void revoke(String jid, String fingerprint, String reason) {
        Jid owner = parsed(jid);
        Fingerprint fp;
        try {
            fp = Fingerprint.parse(fingerprint == null ? null : fingerprint.trim());
        } catch (IllegalArgumentException e) {
            throw new IdentityRefused(Reason.INVALID, "'" + fingerprint + "' is not a key fingerprint: " + e.getMessage() + ".");
        }
        if (records(owner).stream().noneMatch(r -> r.pubKey().fingerprint().equals(fp))) {
            throw new IdentityRefused(Reason.NOT_FOUND, owner + " has no key " + fp + ".");
        }
        try {
            directory.revoke(fp, reasonToken(reason));
        } catch (NoKeyPublishedException e) {
            throw new IdentityRefused(Reason.NOT_FOUND, owner + " has no key " + fp + ".");
        } catch (CertificationException e) {
            throw new IdentityRefused(Reason.INVALID, "The certification service refused to revoke " + fp + " of "
                    + owner + ": " + e.getMessage());
        }
    }

    @Override
    public CertifiedKeyPair certify(String jid, KeyPair pair) {
        Jid owner = parsed(jid);
        KeyRecord record;
        try {
            record = directory.publish(owner, (RSAPublicKey) pair.getPublic());
        } catch (CertificationException e) {
            throw new IdentityRefused(Reason.INVALID, "The certification service refused the generated key of "
                    + owner + ": " + e.getMessage());
        }
        return new CertifiedKeyPair(view(record, clock.instant()), List.of(EntityCertificate.selfSigned(record, pair)));
    }

    private List<KeyRecord> records(Jid jid) {
        return directory.keysOf(jid);
    }

    static RevocationReason reasonToken(String text) {
        if (text != null) {
            String token = text.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
            for (RevocationReason r : RevocationReason.values()) {
                if (r.token().equals(token)) {
                    return r;
                }
            }
        }
        return RevocationReason.UNSPECIFIED;
    }

    private static Jid parsed(String jid) {
        try {
            return Jid.of(jid == null ? null : jid.trim());
        } catch (IllegalArgumentException e) {
            throw new IdentityRefused(Reason.MALFORMED_JID, "'" + jid + "' is not a valid JID: " + e.getMessage() + ".");
        }
    }

    private static KeyView view(KeyRecord r, Instant now) {
        Optional<Attestation> attestation = r.attestations().stream().findFirst();
        KeyState state = r.isRevoked() ? KeyState.REVOKED
                : r.pubKey().end().isAfter(now) ? KeyState.VALID : KeyState.EXPIRED;
        return new KeyView(r.pubKey().jid().toString(), r.pubKey().fingerprint().toString(), "RSA",
                r.pubKey().key().getModulus().bitLength(),
                attestation.map(Attestation::signedAt).orElse(r.pubKey().begin()),
                r.pubKey().begin(), r.pubKey().end(), attestation.map(a -> a.signer().toString()), state,
                r.revocation().map(v -> new KeyView.Revocation(v.revokedAt(), v.reason().token())));
    }
}
