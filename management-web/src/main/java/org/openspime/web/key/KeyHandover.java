package org.openspime.web.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openspime.web.operator.Secrets;

/**
 * Generated private keys waiting for their one download. The packaged bytes live only here, in memory: taking
 * one removes it (a second attempt finds nothing), and a sweeper overwrites and drops any left after
 * {@code expiry}, so an operator who never downloads leaves nothing behind for long. Nothing is written to disk
 * or to a log. The Java key object itself cannot be wiped (RSA keys do not implement {@code destroy}); no
 * reference to it is kept once it is packaged, so it goes with the next garbage collection.
 */
public final class KeyHandover implements AutoCloseable {

    /** One packaged key: who may take it, what it is, the bytes. */
    public record Parcel(String id, String operator, String jid, String fingerprint, KeyFormat format, byte[] content,
                         Instant expires) {

        public String fileName() {
            return jid.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
        }

        /** Overwrites the bytes; call once they are written out. */
        public void wipe() {
            Arrays.fill(content, (byte) 0);
        }
    }

    private final Clock clock;
    private final Duration expiry;
    private final Map<String, Parcel> parcels = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    public KeyHandover(Clock clock, Duration expiry) {
        this.clock = clock;
        this.expiry = expiry;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "key-handover-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleAtFixedRate(this::sweep, 15, 15, TimeUnit.SECONDS);
    }

    Parcel offer(String operator, String jid, String fingerprint, KeyFormat format, byte[] content) {
        Parcel p = new Parcel(Secrets.random(18), operator, jid, fingerprint, format, content,
                clock.instant().plus(expiry));
        parcels.put(p.id(), p);
        return p;
    }

    /** The parcel, removed, if {@code operator} is the one it was generated for and it has not expired. */
    Optional<Parcel> take(String operator, String id) {
        sweep();
        if (id == null) {
            return Optional.empty();
        }
        Parcel p = parcels.get(id);
        if (p == null || !p.operator().equals(operator) || !parcels.remove(id, p)) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    public Duration expiry() {
        return expiry;
    }

    /** How many keys are waiting; for tests and the curious. */
    public int waiting() {
        sweep();
        return parcels.size();
    }

    private void sweep() {
        Instant now = clock.instant();
        parcels.values().removeIf(p -> {
            boolean expired = !now.isBefore(p.expires());
            if (expired) {
                p.wipe();
            }
            return expired;
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        parcels.values().forEach(Parcel::wipe);
        parcels.clear();
    }
}
