package org.openspime.gate.certification;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Timestamps;
import org.openspime.client.certification.CertificationManager;

/**
 * Key queries answered per second through a gate, with the client verifying each answer's attestation (RSA
 * signature check against the gate's anchor), uncached and through a {@link KeyVerifier} cache. By hand, not a
 * test: timings on a shared machine are not assertions. Client and gate share the JVM and the cores.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -pl spimegate -am install -DskipTests &amp;&amp; ./mvnw -q -pl spimegate test-compile \
 *   &amp;&amp; ./mvnw -q -pl spimegate dependency:build-classpath -Dmdep.outputFile=/tmp/gate-cp.txt -Dmdep.includeScope=test \
 *   &amp;&amp; java -cp spimegate/target/test-classes:spimegate/target/classes:$(cat /tmp/gate-cp.txt) \
 *      org.openspime.gate.certification.CertificationQueryBenchmark [seconds] [connections] [threads-per-connection]
 * </pre>
 */
public final class CertificationQueryBenchmark {
    private static final int JIDS = 16;

    private CertificationQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int threadsPerConnection = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (CertifyingGate gate = CertifyingGate.start(Clock.systemUTC())) {
            List<Jid> jids = seed(gate);
            List<XMPPTCPConnection> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(gate.client("reader" + i + "@gate.test/bench"));
            }
            AttestationVerifier verifier = new AttestationVerifier(gate.certification().trustAnchors());

            Result uncached = run("uncached query + attestation check", seconds, clients, threadsPerConnection, (manager, n) -> {
                KeyList list = manager.query(jids.get(n % JIDS), KeyQuery.Subscription.UNCHANGED);
                for (KeyRecord record : list.keys()) {
                    verifier.verifyTrust(record);
                }
            });

            List<KeyVerifier> caches = new ArrayList<>();
            for (XMPPTCPConnection c : clients) {
                KeyVerifier cache = CertificationManager.getInstanceFor(c)
                        .newVerifier(gate.certification().trustAnchors(), Duration.ofMinutes(10), Clock.systemUTC());
                for (Jid jid : jids) {
                    cache.currentKey(jid); // fill
                }
                caches.add(cache);
            }
            Result cached = run("cached verification (KeyVerifier hit)", seconds, clients, threadsPerConnection, (manager, n) -> {
                caches.get(n % caches.size()).currentKey(jids.get(n % JIDS));
            });

            System.out.printf("%nCertification key queries through the gate (%d JIDs, %d connections x %d threads, %d s each, %d cores)%n",
                    JIDS, connections, threadsPerConnection, seconds, Runtime.getRuntime().availableProcessors());
            uncached.print();
            cached.print();
        }
    }

    /** The keys to ask for, published straight through the service (seeding is not what is measured). */
    private static List<Jid> seed(CertifyingGate gate) throws Exception {
        List<Jid> jids = new ArrayList<>();
        Instant now = Timestamps.canonical(Instant.now());
        for (int i = 0; i < JIDS; i++) {
            Jid jid = Jid.of("spime" + i + "@gate.test/spime");
            gate.certification().service().publish(jid, new PubKey(jid,
                    (RSAPublicKey) TestKeyPairs.named("bench-" + i).getPublic(), now, now.plus(Duration.ofDays(10))));
            jids.add(jid);
        }
        return jids;
    }

    interface Operation {
        void run(CertificationManager manager, int n) throws Exception;
    }

    record Result(String name, long operations, long nanos, long threads) {
        void print() {
            double perSecond = operations * 1e9 / nanos;
            double microsPerOpPerThread = nanos / 1e3 / (operations / (double) threads);
            System.out.printf("  %-40s %,12.0f ops/s   %,10.1f us per op per thread   (%,d ops)%n", name, perSecond,
                    microsPerOpPerThread, operations);
        }
    }

    private static Result run(String name, int seconds, List<XMPPTCPConnection> clients, int threadsPerConnection,
                              Operation operation) throws Exception {
        for (boolean measure : new boolean[] {false, true}) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong done = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(clients.size() * threadsPerConnection);
            for (XMPPTCPConnection c : clients) {
                CertificationManager manager = CertificationManager.getInstanceFor(c);
                for (int t = 0; t < threadsPerConnection; t++) {
                    int seed = threads.size();
                    Thread thread = new Thread(() -> {
                        ready.countDown();
                        int n = seed;
                        long local = 0;
                        while (!stop.get()) {
                            try {
                                operation.run(manager, n++);
                                local++;
                            } catch (Exception e) {
                                failures.incrementAndGet();
                            }
                        }
                        done.addAndGet(local);
                    });
                    threads.add(thread);
                    thread.start();
                }
            }
            ready.await();
            long start = System.nanoTime();
            Thread.sleep(measure ? seconds * 1000L : Math.max(2000L, seconds * 300L));
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            long nanos = System.nanoTime() - start;
            if (failures.get() > 0) {
                System.out.printf("  %s: %d failed operations%n", name, failures.get());
            }
            if (measure) {
                return new Result(name, done.get(), nanos, threads.size());
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
