package org.openspime.certification.service;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.JidMismatchException;
import org.openspime.certification.KeyConflictException;
import org.openspime.certification.KeyRevokedException;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.TooManyKeysException;
import org.openspime.certification.ValidityRefusedException;
import org.openspime.certification.attestation.Attestor;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.LegacyKeyList;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.RevocationRequest;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gate's certification service: accepts an entity's key, attests it, keeps it, answers for it,
 * revokes it, and says so to listeners.
 *
 * <p>Ownership: the caller passes the JID its stream authenticated. A key may be published or revoked
 * for that full JID or for its bare JID (the account), never for another; the operator revokes through
 * {@link #revokeAsOperator}.
 *
 * <p>Concurrency: publications and revocations are serialised by one lock, because their checks (replay
 * of a revoked key, a key already bound to another JID, the per-JID key limit) read the store and must
 * still hold when it is written. The lock is held across the RSA signature (about 1.2 ms), which caps a
 * gate near 800 publications a second: keys live for months, so that is far above the need, and the
 * simplicity is worth it. Queries take no lock.
 */
public final class CertificationService {

    private static final Logger LOG = LoggerFactory.getLogger(CertificationService.class);

    private final PublishedKeyStore store;
    private final Attestor attestor;
    private final CertificationPolicy policy;
    private final Clock clock;
    private final ReentrantLock mutation = new ReentrantLock();
    private final List<KeyChangeListener> listeners = new CopyOnWriteArrayList<>();

    public CertificationService(PublishedKeyStore store, Attestor attestor, CertificationPolicy policy, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.attestor = Objects.requireNonNull(attestor, "attestor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void addListener(KeyChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(KeyChangeListener listener) {
        listeners.remove(listener);
    }

    /** The JID this service signs as. */
    public Jid jid() {
        return attestor.key().jid();
    }

    /**
     * Validates, attests and stores a key published by {@code authenticated}. Publishing a key that is
     * already current for the same JID renews it with the new validity.
     *
     * @return the stored record with its fresh attestation
     * @throws CertificationException {@link JidMismatchException} (forbidden), {@code KeyTooShortException} or
     *         {@link ValidityRefusedException} or {@link KeyRevokedException} (not-acceptable),
     *         {@code MalformedKeyException} (bad-request), {@link KeyConflictException} (conflict),
     *         {@link TooManyKeysException} (resource-constraint)
     */
    public KeyRecord publish(Jid authenticated, PubKey pubKey) throws CertificationException {
        requireOwner(authenticated, pubKey.jid(), "publish a key");
        RsaKeys.requireAcceptable(pubKey.key());
        Instant now = Timestamps.canonical(clock.instant());
        requireAcceptableValidity(pubKey, now);
        KeyRecord record;
        mutation.lock();
        try {
            Optional<KeyRecord> existing = store.find(pubKey.fingerprint());
            if (existing.isPresent() && existing.get().isRevoked()) {
                throw new KeyRevokedException("key " + pubKey.fingerprint() + " was revoked and cannot be published again");
            }
            if (existing.isPresent() && !existing.get().pubKey().jid().equals(pubKey.jid())) {
                throw new KeyConflictException("key " + pubKey.fingerprint() + " is already bound to another JID");
            }
            long others = store.findByJid(pubKey.jid()).stream()
                    .filter(r -> !r.isRevoked() && r.pubKey().end().isAfter(now))
                    .filter(r -> !r.pubKey().fingerprint().equals(pubKey.fingerprint()))
                    .count();
            if (others >= policy.maxKeysPerJid()) {
                throw new TooManyKeysException(pubKey.jid() + " already holds " + others + " unexpired keys (the limit is "
                        + policy.maxKeysPerJid() + "); revoke one first");
            }
            record = new KeyRecord(pubKey, List.of(attestor.attest(pubKey, now)), Optional.empty());
            store.save(record);
        } finally {
            mutation.unlock();
        }
        LOG.info("certification: attested key {} of {} valid {}..{}", pubKey.fingerprint(), pubKey.jid(),
                Timestamps.format(pubKey.begin()), Timestamps.format(pubKey.end()));
        notifyListeners(KeyChange.Kind.PUBLISHED, pubKey.fingerprint(), pubKey.jid(), now);
        return record;
    }

    /**
     * The keys of {@code jid} whose validity has not ended, revoked ones included (with their revocation,
     * so that askers learn of it), newest first.
     *
     * @throws NoKeyPublishedException if there is none (item-not-found)
     */
    public KeyList query(Jid jid) throws NoKeyPublishedException {
        List<KeyRecord> current = current(jid, Timestamps.canonical(clock.instant()));
        if (current.isEmpty()) {
            throw new NoKeyPublishedException("no key is published for " + jid);
        }
        return new KeyList(jid, current);
    }

    /**
     * The answer to the 2008 query: keys that are attested, unrevoked and valid now, without metadata.
     *
     * @throws NoKeyPublishedException if there is none (item-not-found)
     */
    public LegacyKeyList legacyQuery(Jid jid) throws NoKeyPublishedException {
        Instant now = Timestamps.canonical(clock.instant());
        List<RSAPublicKey> keys = current(jid, now).stream()
                .filter(r -> !r.isRevoked() && r.pubKey().isValidAt(now))
                .map(r -> r.pubKey().key())
                .toList();
        if (keys.isEmpty()) {
            throw new NoKeyPublishedException("no valid key is published for " + jid);
        }
        return new LegacyKeyList(jid, keys);
    }

    /**
     * Revokes one of the caller's own keys. Revoking a key twice returns the first revocation.
     *
     * @throws NoKeyPublishedException if no key has that fingerprint (item-not-found)
     * @throws JidMismatchException if the key belongs to someone else (forbidden)
     */
    public Revocation revoke(Jid authenticated, RevocationRequest request) throws CertificationException {
        return revoke(Optional.of(authenticated), request.fingerprint(), request.reason());
    }

    /** Revokes any key, on the gate operator's authority (console or CLI). */
    public Revocation revokeAsOperator(Fingerprint fingerprint, RevocationReason reason) throws CertificationException {
        return revoke(Optional.empty(), fingerprint, reason);
    }

    private Revocation revoke(Optional<Jid> authenticated, Fingerprint fingerprint, RevocationReason reason) throws CertificationException {
        Instant now = Timestamps.canonical(clock.instant());
        Revocation revocation;
        Jid jid;
        mutation.lock();
        try {
            KeyRecord record = store.find(fingerprint)
                    .orElseThrow(() -> new NoKeyPublishedException("no published key has fingerprint " + fingerprint));
            jid = record.pubKey().jid();
            if (authenticated.isPresent()) {
                requireOwner(authenticated.get(), jid, "revoke a key");
            }
            if (record.isRevoked()) {
                return record.revocation().orElseThrow();
            }
            revocation = attestor.revoke(jid, fingerprint, reason, now);
            store.save(record.revokedBy(revocation));
        } finally {
            mutation.unlock();
        }
        LOG.info("certification: revoked key {} of {} ({}) by {}", fingerprint, jid, reason.token(),
                authenticated.map(Jid::toString).orElse("operator"));
        notifyListeners(KeyChange.Kind.REVOKED, fingerprint, jid, now);
        return revocation;
    }

    private List<KeyRecord> current(Jid jid, Instant now) {
        return store.findByJid(jid).stream()
                .filter(r -> r.pubKey().end().isAfter(now))
                .sorted(Comparator.comparing((KeyRecord r) -> r.pubKey().begin()).reversed())
                .toList();
    }

    private void requireAcceptableValidity(PubKey pubKey, Instant now) throws ValidityRefusedException {
        String what = "validity " + Timestamps.format(pubKey.begin()) + ".." + Timestamps.format(pubKey.end()) + " of " + pubKey.jid();
        if (!pubKey.end().isAfter(pubKey.begin())) {
            throw new ValidityRefusedException(what + " ends before it begins");
        }
        if (!pubKey.end().isAfter(now)) {
            throw new ValidityRefusedException(what + " is already over");
        }
        if (pubKey.begin().isBefore(now.minus(policy.clockSkew()))) {
            throw new ValidityRefusedException(what + " begins in the past; a gate attests only from now on");
        }
        if (pubKey.end().isAfter(now.plus(policy.maxKeyLife()).plus(policy.clockSkew()))) {
            throw new ValidityRefusedException(what + " ends beyond the maximum key life of " + policy.maxKeyLife().toDays() + " days");
        }
    }

    private static void requireOwner(Jid authenticated, Jid keyJid, String action) throws JidMismatchException {
        if (!keyJid.equals(authenticated) && !keyJid.equals(authenticated.bare())) {
            throw new JidMismatchException(authenticated + " may not " + action + " for " + keyJid);
        }
    }

    private void notifyListeners(KeyChange.Kind kind, Fingerprint fingerprint, Jid jid, Instant now) {
        if (listeners.isEmpty()) {
            return;
        }
        KeyChange change = new KeyChange(kind, fingerprint, new KeyList(jid, current(jid, now)));
        for (KeyChangeListener listener : listeners) {
            try {
                listener.keyChanged(change);
            } catch (RuntimeException e) {
                // One broken subscriber path must not undo a committed change or starve the other listeners.
                LOG.warn("certification: key change listener failed for {} {}", jid, fingerprint, e);
            }
        }
    }
}
