package org.openspime.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.connection.GateTrust;
import org.openspime.client.spime.Spime;
import org.openspime.client.spime.SpimeOptions;

/**
 * N simulated spimes, each a real SDK {@link Spime}: its own Smack connection (STARTTLS, pinned gate certificate),
 * its RSA-2048 key pair (from {@link SpimeKeyCache}) published to the gate's certification service, its durable
 * outbox in a temporary directory, trusting the gate's certification key as the anchor for the ScopeNode's key.
 */
final class SpimeFleet implements AutoCloseable {
    private final Path outboxes;
    private final List<Spime> spimes;

    private SpimeFleet(Path outboxes, List<Spime> spimes) {
        this.outboxes = outboxes;
        this.spimes = spimes;
    }

    static SpimeFleet start(GateProcess gate, int count, int concurrency) throws Exception {
        List<KeyPair> keys = SpimeKeyCache.load(count);
        Path outboxes = Files.createTempDirectory("openspime-bench-outboxes-");
        List<Spime> spimes = Collections.synchronizedList(new ArrayList<>());
        SpimeFleet fleet = new SpimeFleet(outboxes, spimes);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            GateTrust trust = GateTrust.using(Bench.trusting(gate.certificate()), "the benchmark gate's certificate");
            SpimeOptions options = SpimeOptions.trusting(TrustAnchors.builder()
                    .trust(Jid.of(GateProcess.CERTIFICATION_SERVICE), gate.certificationKey().publicKey()).build());
            long t0 = System.nanoTime();
            List<Future<Spime>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                started.add(pool.submit(() -> {
                    Spime spime = login(gate, trust, options, keys.get(n), outboxes.resolve("spime-" + n), n);
                    spimes.add(spime);
                    spime.publishKey();
                    return spime;
                }));
            }
            List<Spime> ordered = new ArrayList<>(count);
            for (Future<Spime> f : started) {
                ordered.add(f.get());
            }
            Bench.say("%d spimes logged in and published their keys in %.1f s", count, (System.nanoTime() - t0) / 1e9);
            return new SpimeFleet(outboxes, ordered);
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A login that times out on a busy machine is tried again, twice, as a device would. */
    private static Spime login(GateProcess gate, GateTrust trust, SpimeOptions options, KeyPair keys, Path outbox, int n)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return Spime.start(ConnectionSettings.of(Jid.of(GateProcess.jid(n)), GateProcess.PASSWORD, trust,
                        "127.0.0.1", gate.port()), keys, outbox, options);
            } catch (org.jivesoftware.smack.SmackException.NoResponseException e) {
                if (attempt == 3) {
                    throw e;
                }
                Bench.say("login of %s failed (%s); trying again", GateProcess.jid(n), e.getMessage());
            }
        }
    }

    Spime get(int i) {
        return spimes.get(i);
    }

    int size() {
        return spimes.size();
    }

    /** Reports still in the outboxes (sent but not acknowledged, or not sent yet). */
    int pending() {
        return spimes.stream().mapToInt(s -> s.reporter().outbox().size()).sum();
    }

    @Override
    public void close() throws Exception {
        List<Spime> all;
        synchronized (spimes) {
            all = new ArrayList<>(spimes);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (Spime s : all) {
            pool.execute(() -> {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    // closing what remains matters more
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        Bench.deleteTree(outboxes);
    }
}
