package org.openspime.web.key;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.audit.AuditLog;
import org.openspime.web.identity.Actor;
import org.openspime.web.identity.IdentityAdministration;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityView;
import org.openspime.web.operator.Secrets;

/**
 * Key actions shared by the pages and the API, audited in one place like identity actions.
 *
 * <p>Online key generation is for entities that cannot make their own key pair: the pair is generated here, its
 * public half certified through the gate exactly as if the entity had published it, and the private half
 * packaged (PKCS#12 with a generated password, or PEM) for one download from the {@link KeyHandover}. The
 * private key is not stored, logged or audited; the audit records who generated which fingerprint for whom.
 */
public final class KeyService {

    /** Key sizes offered: the design's 2048-bit minimum, and 3072 for keys that must last beyond 2030. */
    public static final Set<Integer> SIZES = Set.of(2048, 3072);

    private final KeyAdministration keys;
    private final IdentityAdministration identities;
    private final KeyHandover handover;
    private final AuditLog audit;
    private final Clock clock;

    public KeyService(KeyAdministration keys, IdentityAdministration identities, KeyHandover handover, AuditLog audit,
                      Clock clock) {
        this.keys = keys;
        this.identities = identities;
        this.handover = handover;
        this.audit = audit;
        this.clock = clock;
    }

    public List<KeyView> keysOf(String jid) {
        return jid == null || jid.isBlank() ? List.of() : keys.keysOf(jid.trim());
    }

    public void revoke(Actor actor, String jid, String fingerprint, String reason) {
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID, "Say which key of " + jid + " to revoke.");
        }
        String why = reason == null || reason.isBlank() ? "revoked by operator" : reason.strip();
        keys.revoke(jid.trim(), fingerprint.trim(), why);
        record(actor, "key.revoke", jid.trim(), fingerprint.trim() + ": " + why);
    }

    /**
     * Generates an RSA key pair of {@code bits} for a registered identity, certifies its public key and offers the
     * private key for one download by {@code actor}.
     *
     * @throws IdentityRefused INVALID for a size other than 2048 or 3072 or a refusal of the certification
     *         service, NOT_FOUND for an identity the gate does not have, MALFORMED_JID
     */
    public GeneratedKey generate(Actor actor, String jid, int bits, KeyFormat format) {
        if (!SIZES.contains(bits)) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID, "A key of " + bits + " bits cannot be generated "
                    + "here; choose 2048 or 3072.");
        }
        String owner = jid == null ? "" : jid.trim();
        IdentityView identity = identities.show(owner).orElseThrow(() -> new IdentityRefused(
                IdentityRefused.Reason.NOT_FOUND, "No identity " + owner + " is registered on this gate."));
        KeyPair pair = pair(bits);
        CertifiedKeyPair certified = keys.certify(identity.jid(), pair);
        Optional<String> password = format == KeyFormat.PKCS12 ? Optional.of(Secrets.password(15)) : Optional.empty();
        byte[] content = format == KeyFormat.PKCS12
                ? KeyPackaging.pkcs12(identity.jid(), pair.getPrivate(), certified.chain(), password.get().toCharArray())
                : KeyPackaging.pem(pair.getPrivate(), certified.chain());
        KeyHandover.Parcel parcel = handover.offer(actor.operator(), identity.jid(), certified.key().fingerprint(),
                format, content);
        record(actor, "key.generate", identity.jid(), "RSA-" + bits + " " + certified.key().fingerprint()
                + ", private key handed over once as " + format.label());
        return new GeneratedKey(parcel.id(), certified.key(), format, password, parcel.expires());
    }

    /**
     * The packaged private key, once, for the operator who generated it; the caller writes it out and then
     * {@link KeyHandover.Parcel#wipe wipes} it. Empty when already taken, expired or someone else's.
     */
    public Optional<KeyHandover.Parcel> download(Actor actor, String id) {
        Optional<KeyHandover.Parcel> parcel = handover.take(actor.operator(), id);
        parcel.ifPresent(p -> record(actor, "key.download", p.jid(), p.fingerprint() + " as " + p.format().label()));
        return parcel;
    }

    private static KeyPair pair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    private void record(Actor actor, String action, String target, String detail) {
        audit.record(new AuditEntry(clock.instant(), actor.operator(), action, target, detail, actor.from(), actor.via()));
    }
}
