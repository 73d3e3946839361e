package org.openspime.bench;

import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityFullJid;

/**
 * Load benchmarks of the gate over loopback. The gate runs as a child JVM; this JVM is the load client. Each
 * scenario prints one {@code RESULT} line. Usage:
 *
 * <pre>
 * java -cp "$(cat benchmarks/target/classpath.txt)" org.openspime.bench.GateBenchmark SCENARIO [--key=value ...]
 *   flood-1       one sender to one receiver          --messages=200000 --warmup=20000
 *   flood-100     100 pairs at once, same total       --messages=200000 --warmup=20000
 *   flood         any number of pairs                 --pairs=10 --messages=50000
 *   latency       paced load, latency percentiles     --rate=10000 --seconds=20 --pairs=10
 *   logins-1000   concurrent full logins (Smack)      --clients=1000
 *   idle-10k      idle logged-in connections          --clients=10000 --concurrency=32
 *   disconnects   graceful Smack disconnects, one by one, timed (the gate's &lt;/stream:stream&gt; answer)
 *                                                     --clients=20 --reply-timeout-ms=5000
 *   datapath-saturate  spimes → gate → ScopeNode → PostgreSQL, a window of reports per spime (DataPathBenchmark)
 *                                                     --spimes=1000 --batch=40 --window=1 --seconds=30 --warmup=10
 *   datapath-paced     the same path at a fixed total rate, latency from the schedule
 *                                                     --spimes=1000 --batch=40 --rate=10000 --seconds=30 --warmup=10
 *   pg-raw        PostgreSQL's raw batched-insert rate of the same rows     --rows=600000 --batch=40 --commit-rows=500
 * common: --gate-heap=512m  --gate-opts="-XX:... -XX:..."  --listener=sync|async  --progress=true
 * flood:  --body=ascii|unicode (unicode: "ü-N-€", the body DeliveryOrderTest sends)
 * </pre>
 */
public final class GateBenchmark {
    private final Map<String, String> options;
    private final String scenario;

    private GateBenchmark(String scenario, Map<String, String> options) {
        this.scenario = scenario;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: GateBenchmark flood-1|flood-100|flood|latency|logins-1000|idle-10k|disconnects|datapath-saturate|datapath-paced|pg-raw [--key=value ...]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --key=value, got " + a);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        GateBenchmark b = new GateBenchmark(args[0], options);
        Bench.say("scenario %s %s; load average %s; %d cores; java %s", args[0], options, Bench.loadAverage(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        switch (args[0]) {
            case "flood-1" -> b.flood(b.integer("pairs", 1), b.integer("messages", 200_000));
            case "flood-100" -> b.flood(b.integer("pairs", 100), b.integer("messages", 200_000));
            case "flood" -> b.flood(b.integer("pairs", 10), b.integer("messages", 50_000));
            case "latency" -> b.latency();
            case "s2s-flood" -> b.s2sFlood(b.integer("pairs", 10), b.integer("messages", 200_000));
            case "s2s-latency" -> b.s2sLatency();
            case "logins-1000" -> b.logins(b.integer("clients", 1_000));
            case "idle-10k" -> b.idle(b.integer("clients", 10_000));
            case "disconnects" -> b.disconnects(b.integer("clients", 20));
            case "datapath-saturate", "datapath-paced" -> DataPathBenchmark.run(args[0], options);
            case "pg-raw" -> PgRawBenchmark.run(new Options(options));
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
        System.exit(0);
    }

    private int integer(String key, int dflt) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key)) : dflt;
    }

    private String string(String key, String dflt) {
        return options.getOrDefault(key, dflt);
    }

    private GateProcess startGate(int accounts, String defaultHeap) throws Exception {
        String opts = string("gate-opts", "");
        List<String> extra = opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+"));
        return GateProcess.start(scenario, accounts, string("gate-heap", defaultHeap), extra);
    }

    // ---------------------------------------------------------------------------------------------- flood

    /** Receivers count messages; an optional latency probe reads a nanoTime stamp from the body. */
    private static final class Counters {
        final AtomicLong received = new AtomicLong();
        volatile long[] latencies = new long[0];
        final AtomicInteger latencyCount = new AtomicInteger();

        void record(String body) {
            if (body != null && body.startsWith("t")) {
                long lat = System.nanoTime() - Long.parseLong(body.substring(1));
                int k = latencyCount.getAndIncrement();
                long[] l = latencies;
                if (k < l.length) {
                    l[k] = lat;
                }
            }
            received.incrementAndGet();
        }
    }

    private List<XMPPTCPConnection> connectAll(GateProcess gate, int n, int firstAccount) throws Exception {
        X509TrustManager trust = Bench.trusting(gate.certificate());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, n));
        List<Future<XMPPTCPConnection>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int account = firstAccount + i;
            fs.add(pool.submit(() -> Bench.login(gate, trust, account)));
        }
        List<XMPPTCPConnection> cs = new ArrayList<>();
        for (Future<XMPPTCPConnection> f : fs) {
            cs.add(f.get());
        }
        pool.shutdown();
        return cs;
    }

    private void listen(List<XMPPTCPConnection> receivers, Counters counters) {
        boolean async = "async".equals(string("listener", "sync"));
        for (XMPPTCPConnection r : receivers) {
            StanzaListener l = stanza -> counters.record(((Message) stanza).getBody());
            if (async) {
                r.addAsyncStanzaListener(l, StanzaTypeFilter.MESSAGE);
            } else {
                r.addSyncStanzaListener(l, StanzaTypeFilter.MESSAGE);
            }
        }
    }

    private void flood(int pairs, int total) throws Exception {
        int perPair = total / pairs;
        try (GateProcess gate = startGate(2 * pairs, "512m")) {
            List<XMPPTCPConnection> senders = connectAll(gate, pairs, 0);
            List<XMPPTCPConnection> receivers = connectAll(gate, pairs, pairs);
            Counters counters = new Counters();
            listen(receivers, counters);
            Bench.say("%d pairs logged in; gate threads %d", pairs, gate.threads());
            int warmup = integer("warmup", 20_000);
            if (warmup > 0) {
                Phase w = floodPhase(gate::cpuMillis, senders, receivers, counters, Math.max(1, warmup / pairs));
                Bench.say("warm-up: %s", w);
            }
            Phase p = floodPhase(gate::cpuMillis, senders, receivers, counters, perPair);
            Bench.say("RESULT %s pairs=%d messages=%d received=%d time=%.2fs rate=%.0f msgs/s "
                            + "gateCpu=%.1f ms/1000 msgs (gate %d ms, client %d ms CPU; senders done at %.2fs) load=%s",
                    scenario, pairs, p.expected, p.received, p.seconds, p.received / p.seconds,
                    p.gateCpuMs * 1000.0 / Math.max(1, p.received), p.gateCpuMs, p.clientCpuMs, p.sendSeconds,
                    p.load);
            senders.forEach(XMPPTCPConnection::instantShutdown);
            receivers.forEach(XMPPTCPConnection::instantShutdown);
        }
    }

    private record Phase(long expected, long received, double seconds, double sendSeconds, long gateCpuMs,
                         long clientCpuMs, String load) {
        @Override
        public String toString() {
            return String.format("%d/%d in %.2fs = %.0f msgs/s, gate CPU %d ms, client CPU %d ms, load %s",
                    received, expected, seconds, received / seconds, gateCpuMs, clientCpuMs, load);
        }
    }

    private Phase floodPhase(LongSupplier gateCpu, List<XMPPTCPConnection> senders,
                             List<XMPPTCPConnection> receivers, Counters counters, int perPair) throws Exception {
        int pairs = senders.size();
        long base = counters.received.get();
        long expected = (long) perPair * pairs;
        CyclicBarrier start = new CyclicBarrier(pairs + 1);
        CountDownLatch sent = new CountDownLatch(pairs);
        AtomicLong sendEnd = new AtomicLong();
        boolean unicode = "unicode".equals(string("body", "ascii"));
        for (int k = 0; k < pairs; k++) {
            XMPPTCPConnection s = senders.get(k);
            EntityFullJid to = receivers.get(k).getUser();
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perPair; i++) {
                        s.sendStanza(s.getStanzaFactory().buildMessageStanza().to(to).setBody(unicode ? "ü-" + i + "-€" : "m" + i).build());
                    }
                } catch (Exception e) {
                    Bench.say("sender failed: %s", e);
                } finally {
                    sendEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    sent.countDown();
                }
            }, "sender-" + k);
            t.start();
        }
        long gate0 = gateCpu.getAsLong();
        long own0 = Bench.ownCpuMillis();
        start.await();
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(integer("timeout", 600));
        boolean progress = Boolean.parseBoolean(string("progress", "false"));
        long lastReport = t0;
        while (counters.received.get() - base < expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
            if (progress && System.nanoTime() - lastReport > 1_000_000_000L) {
                lastReport = System.nanoTime();
                Bench.say("  %.1fs received %d/%d, senders running %d, gate CPU %d ms", (lastReport - t0) / 1e9,
                        counters.received.get() - base, expected, sent.getCount(), gateCpu.getAsLong() - gate0);
            }
        }
        long t1 = System.nanoTime();
        long gateCpuMs = gateCpu.getAsLong() - gate0;
        long own = Bench.ownCpuMillis() - own0;
        String load = Bench.loadAverage();
        sent.await(60, TimeUnit.SECONDS);
        return new Phase(expected, counters.received.get() - base, (t1 - t0) / 1e9,
                (sendEnd.get() - t0) / 1e9, gateCpuMs, own, load);
    }

    // ------------------------------------------------------------------------------------------------ s2s

    private FederatedPair startPair(int accounts) throws Exception {
        String opts = string("gate-opts", "");
        List<String> extra = opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+"));
        return FederatedPair.start(scenario, accounts, string("gate-heap", "512m"), extra);
    }

    /**
     * The first message from a client of gate a to one of gate b, before any s2s stream exists: connect, TLS both
     * ways, dialback (b's check of a's key runs over its own TLS stream to a), then the message.
     */
    private double firstDelivery(XMPPTCPConnection from, XMPPTCPConnection to, Counters counters) throws Exception {
        long base = counters.received.get();
        long t0 = System.nanoTime();
        from.sendStanza(from.getStanzaFactory().buildMessageStanza().to(to.getUser()).setBody("first").build());
        while (counters.received.get() == base) {
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
                throw new IllegalStateException("no delivery across the s2s link within 30 s");
            }
            Thread.sleep(0, 100_000);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private void s2sFlood(int pairs, int total) throws Exception {
        try (FederatedPair gates = startPair(pairs)) {
            List<XMPPTCPConnection> senders = connectAll(gates.a, pairs, 0);
            List<XMPPTCPConnection> receivers = connectAll(gates.b, pairs, 0);
            Counters counters = new Counters();
            listen(receivers, counters);
            double first = firstDelivery(senders.get(0), receivers.get(0), counters);
            Bench.say("first delivery a -> b including s2s set-up: %.1f ms", first);
            int warmup = integer("warmup", 20_000);
            if (warmup > 0) {
                Bench.say("warm-up: %s", floodPhase(gates::cpuMillis, senders, receivers, counters,
                        Math.max(1, warmup / pairs)));
            }
            Phase p = floodPhase(gates::cpuMillis, senders, receivers, counters, total / pairs);
            Bench.say("RESULT %s pairs=%d messages=%d received=%d time=%.2fs rate=%.0f msgs/s firstDelivery=%.1fms "
                            + "gatesCpu=%.1f ms/1000 msgs (both gates %d ms, client %d ms CPU) load=%s",
                    scenario, pairs, p.expected, p.received, p.seconds, p.received / p.seconds, first,
                    p.gateCpuMs * 1000.0 / Math.max(1, p.received), p.gateCpuMs, p.clientCpuMs, p.load);
            senders.forEach(XMPPTCPConnection::instantShutdown);
            receivers.forEach(XMPPTCPConnection::instantShutdown);
        }
    }

    private void s2sLatency() throws Exception {
        int pairs = integer("pairs", 10);
        int rate = integer("rate", 10_000);
        int seconds = integer("seconds", 20);
        try (FederatedPair gates = startPair(pairs)) {
            List<XMPPTCPConnection> senders = connectAll(gates.a, pairs, 0);
            List<XMPPTCPConnection> receivers = connectAll(gates.b, pairs, 0);
            Counters counters = new Counters();
            listen(receivers, counters);
            double first = firstDelivery(senders.get(0), receivers.get(0), counters);
            int warmup = integer("warmup", 20_000);
            if (warmup > 0) {
                Bench.say("warm-up: %s", floodPhase(gates::cpuMillis, senders, receivers, counters,
                        Math.max(1, warmup / pairs)));
            }
            pacedPhase(gates::cpuMillis, senders, receivers, counters, rate, 3);
            Paced p = pacedPhase(gates::cpuMillis, senders, receivers, counters, rate, seconds);
            Bench.say("RESULT %s pairs=%d target=%d msgs/s achieved=%.0f msgs/s sent=%d received=%d "
                            + "p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms firstDelivery=%.1fms "
                            + "gatesCpu=%.1f ms/1000 msgs load=%s",
                    scenario, pairs, rate, p.sent / (double) seconds, p.sent, p.received, p.q(0.5), p.q(0.9),
                    p.q(0.99), p.q(0.999), p.q(1.0), first, p.gateCpuMs * 1000.0 / Math.max(1, p.received), p.load);
            senders.forEach(XMPPTCPConnection::instantShutdown);
            receivers.forEach(XMPPTCPConnection::instantShutdown);
        }
    }

    // -------------------------------------------------------------------------------------------- latency

    private void latency() throws Exception {
        int pairs = integer("pairs", 10);
        int rate = integer("rate", 10_000);
        int seconds = integer("seconds", 20);
        try (GateProcess gate = startGate(2 * pairs, "512m")) {
            List<XMPPTCPConnection> senders = connectAll(gate, pairs, 0);
            List<XMPPTCPConnection> receivers = connectAll(gate, pairs, pairs);
            Counters counters = new Counters();
            listen(receivers, counters);
            int warmup = integer("warmup", 20_000);
            if (warmup > 0) {
                Bench.say("warm-up: %s", floodPhase(gate::cpuMillis, senders, receivers, counters, Math.max(1, warmup / pairs)));
            }
            // a short paced warm-up at the target rate, then the measured run
            pacedPhase(gate::cpuMillis, senders, receivers, counters, rate, 3);
            Paced p = pacedPhase(gate::cpuMillis, senders, receivers, counters, rate, seconds);
            Bench.say("RESULT %s pairs=%d target=%d msgs/s achieved=%.0f msgs/s sent=%d received=%d "
                            + "p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms gateCpu=%.1f ms/1000 msgs load=%s",
                    scenario, pairs, rate, p.sent / (double) seconds, p.sent, p.received, p.q(0.5), p.q(0.9),
                    p.q(0.99), p.q(0.999), p.q(1.0), p.gateCpuMs * 1000.0 / Math.max(1, p.received), p.load);
            senders.forEach(XMPPTCPConnection::instantShutdown);
            receivers.forEach(XMPPTCPConnection::instantShutdown);
        }
    }

    private record Paced(long sent, long received, long[] sorted, int n, long gateCpuMs, String load) {
        double q(double quantile) {
            return Bench.quantile(sorted, n, quantile) / 1e6;
        }
    }

    /**
     * Each sender sends at rate/pairs on a fixed schedule; the body carries the scheduled send time, so a
     * sender that falls behind counts its own delay too (no coordinated omission).
     */
    private Paced pacedPhase(LongSupplier gateCpu, List<XMPPTCPConnection> senders,
                             List<XMPPTCPConnection> receivers, Counters counters, int rate, int seconds)
            throws Exception {
        int pairs = senders.size();
        long capacity = (long) rate * seconds + 10_000;
        counters.latencies = new long[(int) capacity];
        counters.latencyCount.set(0);
        long base = counters.received.get();
        long interval = pairs * 1_000_000_000L / rate;
        AtomicLong sent = new AtomicLong();
        long gate0 = gateCpu.getAsLong();
        long start = System.nanoTime() + 50_000_000L;
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < pairs; k++) {
            XMPPTCPConnection s = senders.get(k);
            EntityFullJid to = receivers.get(k).getUser();
            long first = start + k * interval / pairs;
            Thread t = new Thread(() -> {
                try {
                    for (long n = 0; ; n++) {
                        long due = first + n * interval;
                        if (due >= end) {
                            break;
                        }
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        s.sendStanza(s.getStanzaFactory().buildMessageStanza().to(to).setBody("t" + due).build());
                        sent.incrementAndGet();
                    }
                } catch (Exception e) {
                    Bench.say("sender failed: %s", e);
                }
            }, "paced-" + k);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long drain = System.nanoTime() + 30_000_000_000L;
        while (counters.received.get() - base < sent.get() && System.nanoTime() < drain) {
            Thread.sleep(5);
        }
        long gateCpuMs = gateCpu.getAsLong() - gate0;
        int n = Math.min(counters.latencyCount.get(), counters.latencies.length);
        long[] l = Arrays.copyOf(counters.latencies, n);
        Arrays.sort(l);
        return new Paced(sent.get(), counters.received.get() - base, l, n, gateCpuMs, Bench.loadAverage());
    }

    // --------------------------------------------------------------------------------------------- logins

    private void logins(int clients) throws Exception {
        int warm = integer("warmup", 20);
        try (GateProcess gate = startGate(clients + warm, "512m")) {
            X509TrustManager trust = Bench.trusting(gate.certificate());
            for (XMPPTCPConnection c : connectAll(gate, warm, clients)) {
                // not disconnect(): the gate's </stream:stream> answer can go missing (docs/benchmarks.md) and
                // Smack then waits its whole reply timeout
                c.instantShutdown();
            }
            List<XMPPTCPConnection> cs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                cs.add(Bench.connection(gate, trust, i));
            }
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(clients);
            long[] took = new long[clients];
            Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
            AtomicLong lastOk = new AtomicLong();
            for (int i = 0; i < clients; i++) {
                XMPPTCPConnection c = cs.get(i);
                int k = i;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        long s = System.nanoTime();
                        c.connect().login();
                        long e = System.nanoTime();
                        took[k] = e - s;
                        lastOk.accumulateAndGet(e, Math::max);
                    } catch (Exception e) {
                        took[k] = -1;
                        failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(),
                                x -> new AtomicInteger()).incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                }, "login-" + i);
                t.start();
            }
            Thread.sleep(200);
            long gate0 = gate.cpuMillis();
            long own0 = Bench.ownCpuMillis();
            long t0 = System.nanoTime();
            go.countDown();
            boolean all = done.await(integer("timeout", 300), TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            long gateCpu = gate.cpuMillis() - gate0;
            long own = Bench.ownCpuMillis() - own0;
            long[] ok = Arrays.stream(took).filter(x -> x > 0).sorted().toArray();
            int failed = clients - ok.length;
            double wall = ((ok.length > 0 ? lastOk.get() : t1) - t0) / 1e9;
            String mechanism = cs.stream().filter(XMPPTCPConnection::isAuthenticated).findFirst()
                    .map(XMPPTCPConnection::getUsedSaslMechansism).orElse("?");
            Bench.say("RESULT %s clients=%d ok=%d failed=%d allDone=%s wall=%.2fs (%.0f logins/s) per-login "
                            + "p50=%.0fms p99=%.0fms max=%.0fms mechanism=%s gateCpu=%d ms (%.2f ms/login) clientCpu=%d ms load=%s",
                    scenario, clients, ok.length, failed, all, wall, ok.length / wall,
                    Bench.quantile(ok, ok.length, 0.5) / 1e6, Bench.quantile(ok, ok.length, 0.99) / 1e6,
                    Bench.quantile(ok, ok.length, 1.0) / 1e6, mechanism, gateCpu,
                    gateCpu / (double) Math.max(1, ok.length), own, Bench.loadAverage());
            new TreeMap<>(failures).forEach((k, v) -> Bench.say("  failure x%d: %s", v.get(), k));
            ExecutorService closer = Executors.newFixedThreadPool(16);
            for (XMPPTCPConnection c : cs) {
                closer.submit(c::instantShutdown);
            }
            closer.shutdown();
            closer.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------------------------------- disconnects

    /**
     * Logs clients in, then disconnects them gracefully one after another, as the tests' teardowns do: Smack
     * sends {@code </stream:stream>} and waits (reply timeout) for the gate's. Counts the disconnects that
     * waited longer than one second.
     */
    private void disconnects(int clients) throws Exception {
        int timeout = integer("reply-timeout-ms", 5_000);
        try (GateProcess gate = startGate(clients, "512m")) {
            List<XMPPTCPConnection> cs = connectAll(gate, clients, 0);
            long[] took = new long[clients];
            int slow = 0;
            for (int i = 0; i < clients; i++) {
                XMPPTCPConnection c = cs.get(i);
                c.setReplyTimeout(timeout);
                long t0 = System.nanoTime();
                c.disconnect();
                took[i] = System.nanoTime() - t0;
                if (took[i] > 1_000_000_000L) {
                    slow++;
                    Bench.say("  %s waited %.1f s for the gate's </stream:stream>", c.getUser(), took[i] / 1e9);
                }
            }
            Arrays.sort(took);
            Bench.say("RESULT %s clients=%d slow(>1s)=%d p50=%.1fms max=%.1fms replyTimeout=%dms load=%s", scenario,
                    clients, slow, Bench.quantile(took, clients, 0.5) / 1e6, took[clients - 1] / 1e6, timeout,
                    Bench.loadAverage());
        }
    }

    // ----------------------------------------------------------------------------------------------- idle

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private static long heapUsedKiB(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String memory(GateProcess gate) throws Exception {
        gate.jcmd("GC.run");
        String info = gate.jcmd("GC.heap_info");
        return String.format("heapUsedAfterGc=%.1f MiB rss=%.1f MiB threads=%d", heapUsedKiB(info) / 1024.0,
                gate.rssKiB() / 1024.0, gate.threads());
    }

    private void idle(int clients) throws Exception {
        int concurrency = integer("concurrency", 32);
        try (GateProcess gate = startGate(clients, "1g")) {
            SSLContext tls = Bench.tlsContext(gate.certificate());
            Bench.say("before: %s", memory(gate));
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            List<Future<Socket>> fs = new ArrayList<>();
            long gate0 = gate.cpuMillis();
            long t0 = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                int k = i;
                fs.add(pool.submit(() -> RawLogin.login(gate.port(), tls, k)));
            }
            List<Socket> sockets = new ArrayList<>();
            Map<String, AtomicInteger> failures = new TreeMap<>();
            for (int i = 0; i < fs.size(); i++) {
                try {
                    sockets.add(fs.get(i).get());
                } catch (Exception e) {
                    Throwable c = e.getCause() == null ? e : e.getCause();
                    String key = c.getClass().getSimpleName() + ": " + String.valueOf(c.getMessage());
                    failures.computeIfAbsent(key.length() > 200 ? key.substring(0, 200) : key,
                            x -> new AtomicInteger()).incrementAndGet();
                }
                if ((i + 1) % 1000 == 0) {
                    Bench.say("  %d logged in (%.1fs), gate RSS %.0f MiB", sockets.size(), (System.nanoTime() - t0) / 1e9,
                            gate.rssKiB() / 1024.0);
                }
            }
            pool.shutdown();
            double loginSeconds = (System.nanoTime() - t0) / 1e9;
            long gateCpu = gate.cpuMillis() - gate0;
            Thread.sleep(5_000);
            String after = memory(gate);
            Bench.say("RESULT %s clients=%d connected=%d failed=%d %s (logins took %.1fs, gate CPU %d ms) load=%s",
                    scenario, clients, sockets.size(), clients - sockets.size(), after, loginSeconds, gateCpu,
                    Bench.loadAverage());
            failures.forEach((k, v) -> Bench.say("  failure x%d: %s", v.get(), k));
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (Exception e) {
                    // closing anyway
                }
            }
        }
    }
}
