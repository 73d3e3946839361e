package org.openspime.certification.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.KeyExpiredException;
import org.openspime.certification.KeyNotYetValidException;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.attestation.VerifiedKey;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;

/**
 * Answers "which key may I trust for this JID?" for an entity, from a cache in front of the fetch and
 * the RSA verification.
 *
 * <p>A cache entry holds the verdict on every record fetched for a JID: the keys whose trust verified
 * (attestation by an anchor, no trusted revocation, size) and, for the others, the refusal. Validity is
 * not part of the verdict: it is compared at each use, so a cached key stops being returned the second
 * it expires. An entry lives for the configured time-to-live, never past the earliest end of its keys,
 * and is dropped at once by {@link #onKeyChange} when the gate pushes a change. A hit is a map lookup and
 * a few comparisons (well under a microsecond; see {@code KeyVerifierBenchmark}).
 *
 * <p>"No key published" is not cached, so a key published a moment later is found. Two threads that miss
 * together may both fetch; the later result wins, which is harmless and avoids holding a lock across a
 * network round trip.
 */
public final class KeyVerifier {

    /**
     * An unknown fingerprint refetches at most this often per JID, so that a stream of messages naming
     * made-up keys cannot turn into a stream of queries to the gate.
     */
    static final Duration UNKNOWN_KEY_REFETCH_INTERVAL = Duration.ofSeconds(10);

    private final AttestationVerifier verifier;
    private final KeyFetcher fetcher;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<Jid, Verdict> cache = new ConcurrentHashMap<>();

    public KeyVerifier(AttestationVerifier verifier, KeyFetcher fetcher, Duration timeToLive, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The key to encrypt to, or to expect signatures from, now: the trusted key of {@code jid} valid now
     * with the latest begin (the newest after a rotation).
     *
     * @throws CertificationException why there is none: {@link NoKeyPublishedException}, or the refusal of
     *         the newest record (revoked, untrusted, bad signature, expired, ...)
     */
    public VerifiedKey currentKey(Jid jid) throws CertificationException {
        Instant now = clock.instant();
        Verdict verdict = verdict(jid, now);
        VerifiedKey best = null;
        for (VerifiedKey key : verdict.trusted) {
            if (key.isValidAt(now) && (best == null || key.begin().isAfter(best.begin()))) {
                best = key;
            }
        }
        if (best != null) {
            return best;
        }
        throw verdict.newestRefusal(now);
    }

    /**
     * The key {@code fingerprint} of {@code jid}, trusted for a signature made at {@code at} — a key that
     * has since been rotated out still verifies what it signed while it was valid. An unknown fingerprint
     * triggers a refetch (at most every {@link #UNKNOWN_KEY_REFETCH_INTERVAL}), since it may belong to a
     * key published after the cache was filled.
     */
    public VerifiedKey key(Jid jid, Fingerprint fingerprint, Instant at) throws CertificationException {
        Instant now = clock.instant();
        Verdict verdict = verdict(jid, now);
        if (!verdict.knows(fingerprint) && !now.isBefore(verdict.fetched.plus(UNKNOWN_KEY_REFETCH_INTERVAL))) {
            cache.remove(jid);
            verdict = verdict(jid, now);
        }
        CertificationException refusal = verdict.refused.get(fingerprint);
        if (refusal != null) {
            throw refusal;
        }
        for (VerifiedKey key : verdict.trusted) {
            if (key.fingerprint().equals(fingerprint)) {
                if (at.isBefore(key.begin())) {
                    throw new KeyNotYetValidException("key " + fingerprint + " of " + jid + " is valid only from " + Timestamps.format(key.begin()));
                }
                if (!at.isBefore(key.end())) {
                    throw new KeyExpiredException("key " + fingerprint + " of " + jid + " expired at " + Timestamps.format(key.end()));
                }
                return key;
            }
        }
        throw new NoKeyPublishedException(jid + " has no published key " + fingerprint);
    }

    /** A change notification arrived for this JID: forget what we knew. */
    public void onKeyChange(KeyList notification) {
        invalidate(notification.jid());
    }

    public void invalidate(Jid jid) {
        cache.remove(jid);
    }

    /** Forgets everything, e.g. after reconnecting (notifications may have been missed). */
    public void clear() {
        cache.clear();
    }

    private Verdict verdict(Jid jid, Instant now) throws CertificationException {
        Verdict cached = cache.get(jid);
        if (cached != null && now.isBefore(cached.expires)) {
            return cached;
        }
        KeyList fetched = fetcher.fetch(jid);
        if (!fetched.jid().equals(jid)) {
            throw new NoKeyPublishedException("asked for the keys of " + jid + " but received those of " + fetched.jid());
        }
        if (fetched.keys().isEmpty()) {
            cache.remove(jid);
            throw new NoKeyPublishedException("no key is published for " + jid);
        }
        Verdict verdict = judge(fetched, now);
        cache.put(jid, verdict);
        return verdict;
    }

    private Verdict judge(KeyList fetched, Instant now) {
        List<VerifiedKey> trusted = new ArrayList<>();
        Map<Fingerprint, CertificationException> refused = new HashMap<>();
        Instant expires = now.plus(timeToLive);
        for (KeyRecord record : fetched.keys()) {
            try {
                VerifiedKey key = verifier.verifyTrust(record);
                trusted.add(key);
                if (key.end().isAfter(now) && key.end().isBefore(expires)) {
                    expires = key.end();
                }
            } catch (CertificationException e) {
                refused.put(record.pubKey().fingerprint(), e);
            }
        }
        KeyRecord newest = fetched.keys().stream().max(Comparator.comparing((KeyRecord r) -> r.pubKey().begin())).orElseThrow();
        return new Verdict(fetched.jid(), List.copyOf(trusted), Map.copyOf(refused), newest, now, expires);
    }

    /** What we concluded about one JID's records, until {@code expires}. */
    private static final class Verdict {

        final Jid jid;
        final List<VerifiedKey> trusted;
        final Map<Fingerprint, CertificationException> refused;
        final KeyRecord newest;
        final Instant fetched;
        final Instant expires;

        Verdict(Jid jid, List<VerifiedKey> trusted, Map<Fingerprint, CertificationException> refused, KeyRecord newest,
                Instant fetched, Instant expires) {
            this.jid = jid;
            this.trusted = trusted;
            this.refused = refused;
            this.newest = newest;
            this.fetched = fetched;
            this.expires = expires;
        }

        boolean knows(Fingerprint fingerprint) {
            return refused.containsKey(fingerprint) || trusted.stream().anyMatch(k -> k.fingerprint().equals(fingerprint));
        }

        /** Why no key is usable now, named after the newest record (the one the owner means to be used). */
        CertificationException newestRefusal(Instant now) {
            CertificationException refusal = refused.get(newest.pubKey().fingerprint());
            if (refusal != null) {
                return refusal;
            }
            var key = newest.pubKey();
            if (now.isBefore(key.begin())) {
                return new KeyNotYetValidException("the newest key " + key.fingerprint() + " of " + jid + " is valid only from "
                        + Timestamps.format(key.begin()));
            }
            return new KeyExpiredException("every key of " + jid + " has expired; the newest ended at " + Timestamps.format(key.end()));
        }
    }
}
