package org.openspime.bench;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.certification.keys.RsaKeys;

/**
 * RSA-2048 key pairs for the simulated spimes, kept between runs in one PKCS#12 file
 * ({@code benchmarks/target/bench-spime-keys.p12}, a fixed passphrase: benchmark keys protect nothing), because
 * generating 1,000 of them costs about a minute of both cores. Pair {@code i} belongs to account {@code i}; missing
 * pairs are generated and the file saved. {@code mvn clean} removes the cache.
 */
final class SpimeKeyCache {
    private static final char[] PASSPHRASE = "openspime-benchmark-keys".toCharArray();
    static final Path FILE = Path.of("benchmarks", "target", "bench-spime-keys.p12");

    private SpimeKeyCache() {
    }

    static List<KeyPair> load(int count) throws Exception {
        long t0 = System.nanoTime();
        LocalKeyStore store = LocalKeyStore.open(FILE, PASSPHRASE);
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (store.get(alias(i)).isEmpty()) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            Bench.say("generating %d RSA-2048 spime key pairs (cached in %s for later runs)", missing.size(), FILE);
            ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i : missing) {
                    done.add(pool.submit(() -> {
                        store.put(alias(i), RsaKeys.generate(2048));
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            store.save();
        }
        List<KeyPair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pairs.add(store.get(alias(i)).orElseThrow());
        }
        Bench.say("%d spime key pairs ready in %.1f s (%d generated)", count, (System.nanoTime() - t0) / 1e9, missing.size());
        return pairs;
    }

    private static String alias(int i) {
        return "spime-" + i;
    }
}
