package org.openspime.client.report.crypto;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;

/**
 * The ScopeNode's unwrapped transport keys, by (sender, key-id), so that a session's reports cost one RSA
 * private-key operation in all rather than one each.
 *
 * <p>Keyed by sender as well as key-id because key-ids are chosen by senders: one spime must never be able to
 * name, overwrite or use another's key. An entry also remembers the SHA-256 of the wrapped form it came from, so a
 * report that repeats the same wrapped key (the sealer sends it until one report is acknowledged) skips the unwrap,
 * and a different wrapped key under a known key-id is unwrapped and replaces it.
 *
 * <p>Bounded (least recently used goes first) and timed (entries older than the time-to-live go): memory stays
 * flat whatever senders do, and a forgotten key only costs the sender one {@code no-key-available} and a reseal.
 * One lock around an access-ordered map: a lookup is well under a microsecond next to the 40 µs signature check
 * that precedes it, so contention is not worth a cleverer structure. Keys live in memory only; a restart forgets
 * them all, by design.
 */
public final class TransportKeyCache {

    /** Slightly above the sealer's default key age, so a key is not forgotten just before its last use. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(25);
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Duration timeToLive;
    private final Map<Slot, Entry> entries;

    public TransportKeyCache(int capacity, Duration timeToLive) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Slot, Entry> eldest) {
                return size() > TransportKeyCache.this.capacity;
            }
        };
    }

    public TransportKeyCache() {
        this(DEFAULT_CAPACITY, DEFAULT_TIME_TO_LIVE);
    }

    /** The key, if cached, unexpired, and for the same recipient key; a wrapped form, if given, must be the one cached. */
    Optional<SecretKey> find(Jid sender, String keyId, Fingerprint recipientKey, byte[] wrappedDigest, Instant now) {
        Slot slot = new Slot(sender, keyId);
        synchronized (entries) {
            Entry e = entries.get(slot);
            if (e == null) {
                return Optional.empty();
            }
            if (!now.isBefore(e.expires)) {
                entries.remove(slot);
                return Optional.empty();
            }
            if (!e.recipientKey.equals(recipientKey) || wrappedDigest != null && !MessageDigest.isEqual(wrappedDigest, e.wrappedDigest)) {
                return Optional.empty();
            }
            return Optional.of(e.key);
        }
    }

    void put(Jid sender, String keyId, Fingerprint recipientKey, byte[] wrappedDigest, SecretKey key, Instant now) {
        synchronized (entries) {
            entries.put(new Slot(sender, keyId), new Entry(key, recipientKey, wrappedDigest, now.plus(timeToLive)));
        }
    }

    /** Forgets a sender's keys, e.g. when it is no longer authorized. */
    public void forget(Jid sender) {
        synchronized (entries) {
            entries.keySet().removeIf(s -> s.sender.equals(sender));
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private record Slot(Jid sender, String keyId) {
    }

    private record Entry(SecretKey key, Fingerprint recipientKey, byte[] wrappedDigest, Instant expires) {
    }
}
