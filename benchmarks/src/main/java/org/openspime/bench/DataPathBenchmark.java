package org.openspime.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * End to end: N simulated spimes (the real SDK, in this JVM) → gate (child JVM) → ScopeNode (child JVM) →
 * PostgreSQL (a database of its own, dropped at the end). Every report signed with the spime's RSA-2048 key and
 * encrypted with AES-256-GCM under the session's transport key; acknowledged by the ScopeNode after its commit.
 * Scenarios {@code datapath-saturate} and {@code datapath-paced}; see docs/benchmarks.md, "Data path".
 */
final class DataPathBenchmark {
    private final String scenario;
    private final Options options;

    private DataPathBenchmark(String scenario, Options options) {
        this.scenario = scenario;
        this.options = options;
    }

    static void run(String scenario, Map<String, String> options) throws Exception {
        new DataPathBenchmark(scenario, new Options(options)).run();
    }

    private void run() throws Exception {
        // 1,000 spimes each log their login and outbox at INFO; only trouble is worth printing here
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.openspime"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int spimes = options.integer("spimes", 1_000);
        int batch = options.integer("batch", 40);
        List<String> gateOpts = jvmOptions("gate-opts");
        try (BenchDatabase db = BenchDatabase.create();
             GateProcess gate = GateProcess.start(scenario, spimes, options.string("gate-heap", "1g"), gateOpts,
                     Map.of(ScopeNodeProcess.SNID, ScopeNodeProcess.PASSWORD));
             ScopeNodeProcess node = ScopeNodeProcess.start(scenario, gate, db, options.string("node-heap", "1g"),
                     jvmOptions("node-opts"));
             SpimeFleet fleet = SpimeFleet.start(gate, spimes, options.integer("login-concurrency", 16))) {
            AckLog log = new AckLog();
            try (ReportLoad load = new ReportLoad(fleet, batch, options.integer("senders", 8), log)) {
                Measurement m = scenario.equals("datapath-paced") ? paced(load, log, db, gate, node, spimes, batch)
                        : saturate(load, log, db, gate, node);
                load.stop();
                boolean drained = load.drain(60);
                long stored = db.readings();
                long acked = log.ackedReadings() + log.duplicateReadings();
                Bench.say("after the load: %d readings stored, %d acknowledged (%d of them in %d duplicate acks: stored by an"
                                + " attempt whose answer was lost), %d failures%s, %d reports left in outboxes, all answered: %s",
                        stored, acked, log.duplicateReadings(), log.duplicates(), log.failures(),
                        log.failures() > 0 ? ": " + log.firstFailures() : "", fleet.pending(), drained);
                ingestMetrics(node);
                System.out.printf("RESULT %s spimes=%d batch=%d %s duplicate-acks=%d stored==acked:%s load=%s%n", scenario,
                        spimes, batch, m, log.duplicates(), stored == acked, Bench.loadAverage());
            }
        }
    }

    private Measurement saturate(ReportLoad load, AckLog log, BenchDatabase db, GateProcess gate, ScopeNodeProcess node)
            throws Exception {
        int window = options.integer("window", 1);
        int maxInFlight = options.integer("max-in-flight", Integer.MAX_VALUE);
        int seconds = options.integer("seconds", 30);
        Bench.say("saturating: window %d report(s) per spime, at most %d in flight, %d s warm-up, then %d s measured",
                window, maxInFlight, options.integer("warmup", 10), seconds);
        load.saturate(window, maxInFlight);
        progress(log, options.integer("warmup", 10));
        profile(gate, node, seconds);
        Snapshot start = Snapshot.take(db, log, gate, node);
        log.recordBetween(start.nanos(), Long.MAX_VALUE);
        progress(log, seconds);
        Snapshot end = Snapshot.take(db, log, gate, node);
        log.recordBetween(start.nanos(), end.nanos());
        return new Measurement(start, end, "window=" + window + " max-in-flight=" + maxInFlight + " latency(" + log.latencySummary() + ")");
    }

    private Measurement paced(ReportLoad load, AckLog log, BenchDatabase db, GateProcess gate, ScopeNodeProcess node,
                              int spimes, int batch) throws Exception {
        int rate = options.integer("rate", 10_000);
        int warmup = options.integer("warmup", 10);
        int seconds = options.integer("seconds", 30);
        Bench.say("paced: %d readings/s = %.1f reports/s of %d, over %d spimes; %d s warm-up, then %d s measured",
                rate, (double) rate / batch, batch, spimes, warmup, seconds);
        PacedSchedule schedule = new PacedSchedule(load, spimes, rate, batch);
        long t0 = System.nanoTime();
        long measureFrom = t0 + warmup * 1_000_000_000L;
        long measureUntil = measureFrom + seconds * 1_000_000_000L;
        log.recordBetween(measureFrom, measureUntil);
        Thread pacer = new Thread(() -> schedule.run(t0, measureUntil), "pacer");
        pacer.setDaemon(true);
        pacer.start();
        progress(log, warmup);
        profile(gate, node, seconds);
        Snapshot start = Snapshot.take(db, log, gate, node);
        pacer.join();
        Snapshot end = Snapshot.take(db, log, gate, node);
        load.drain(30); // the reports scheduled last are answered before their latencies are read
        return new Measurement(start, end, "rate=" + rate + " latency-from-schedule(" + log.latencySummary()
                + ") outstanding-at-end=" + load.outstanding());
    }

    private void profile(GateProcess gate, ScopeNodeProcess node, int seconds) throws Exception {
        if (Boolean.parseBoolean(options.string("profile", "false"))) {
            // not this JVM: JFR.start on a JVM with 3,000 threads stalled it for a minute; give it
            // -XX:StartFlightRecording on the command line instead
            FlightRecordings.start(scenario, seconds, Map.of("gate", gate.pid(), "scopenode", node.pid()));
        }
    }

    /** Sleeps {@code seconds}, printing acknowledged readings per second every 5 s. */
    private static void progress(AckLog log, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long last = log.ackedReadings();
        while (System.nanoTime() < end) {
            long step = Math.min(5_000, (end - System.nanoTime()) / 1_000_000);
            Thread.sleep(Math.max(1, step));
            long now = log.ackedReadings();
            Bench.say("  %,d readings acked (%,.0f/s), %d failures, load %s", now, (now - last) * 1000.0 / Math.max(1, step),
                    log.failures(), Bench.loadAverage());
            last = now;
        }
    }

    /** The ScopeNode's ingest counters from its /metrics, for batch sizes. */
    private static void ingestMetrics(ScopeNodeProcess node) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.httpPort() + "/metrics")).header("Authorization",
                    "Bearer " + ScopeNodeProcess.QUERY_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            Path file = Path.of("benchmarks", "target", "bench-logs", "scopenode-metrics.txt");
            Files.writeString(file, r.body());
            String lines = r.body().lines().filter(l -> !l.startsWith("#") && (l.contains("ingest") || l.contains("report")))
                    .collect(Collectors.joining("\n    "));
            Bench.say("ScopeNode metrics (all in %s):%n    %s", file, lines);
        } catch (Exception e) {
            Bench.say("no ScopeNode metrics: %s", e);
        }
    }

    private List<String> jvmOptions(String key) {
        String opts = options.string(key, "");
        return opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+"));
    }
}
