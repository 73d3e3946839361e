package org.openspime.client.report.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openspime.certification.Jid;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Value;

/**
 * Seal and open rates per CPU-second of one thread, including the XML (seal = seal + toXml; open = parse + open), with and without
 * session-key reuse. Not a test: run it by hand on a quiet machine, e.g.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openspime.client.report.crypto.ReportBenchmark [bits] [readings]}.
 */
public final class ReportBenchmark {

    static final Jid SPIME = Jid.of("4a6b-5638@gate.example/spime");
    static final Jid SNID = Jid.of("co2node@gate.example/co2");
    static final long MEASURE_NANOS = 2_000_000_000L;

    public static void main(String[] args) throws Exception {
        int bits = args.length > 0 ? Integer.parseInt(args[0]) : 3072;
        int readings = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        KeyPair spimeKeys = generate(bits);
        KeyPair nodeKeys = generate(bits);
        Recipient node = Recipient.of(SNID, (RSAPublicKey) nodeKeys.getPublic());
        System.out.printf("RSA-%d keys, %d reading(s) of 2 values per report, %s%n", bits, readings, System.getProperty("java.vm.version"));

        for (SessionKeyPolicy policy : List.of(SessionKeyPolicy.DEFAULT, SessionKeyPolicy.KEY_PER_REPORT)) {
            String label = policy == SessionKeyPolicy.DEFAULT ? "session key reused" : "new key per report";
            ReportSealer sealer = new ReportSealer(SPIME, Optional.of(SigningKey.of(spimeKeys)), policy, Clock.systemUTC(), new SecureRandom());
            int[] n = {0};
            List<String> sealed = new ArrayList<>();
            double sealRate = rate(() -> {
                ReportEnvelope e = sealer.sealEncrypted(report(n[0]++, readings), node);
                sealer.acknowledged(e);
                String xml = EnvelopeCodec.toXml(e);
                if (sealed.size() < 20_000) {
                    sealed.add(xml);
                }
            });
            TransportKeyCache cache = new TransportKeyCache();
            ReportOpener opener = new ReportOpener(SNID, new ScopeRequirements("co2-monitoring", true, true, ReportLimits.DEFAULT),
                    RecipientKeys.of(nodeKeys), (jid, fp, at) -> (RSAPublicKey) spimeKeys.getPublic(), cache, Clock.systemUTC());
            int[] i = {0};
            double openRate = rate(() -> opener.open(EnvelopeCodec.parse(sealed.get(i[0]++ % sealed.size()), ReportLimits.DEFAULT), SPIME));
            System.out.printf("  %-20s seal+xml %8.0f/s (%6.1f µs)   parse+open %8.0f/s (%6.1f µs)   %d B envelope%n",
                    label, sealRate, 1e6 / sealRate, openRate, 1e6 / openRate, sealed.get(sealed.size() - 1).length());
        }
    }

    interface Op {
        void run() throws Exception;
    }

    /**
     * Operations per second of this thread's CPU time, over {@link #MEASURE_NANOS} of it, after a warm-up of the same
     * length. CPU time rather than wall time because the machine is shared: other processes' load then stretches
     * the run instead of the figure (cache and hyper-thread contention still show).
     */
    static double rate(Op op) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (long end = cpu.getCurrentThreadCpuTime() + MEASURE_NANOS; cpu.getCurrentThreadCpuTime() < end; ) {
            op.run();
        }
        long count = 0;
        long start = cpu.getCurrentThreadCpuTime();
        long end = start + MEASURE_NANOS;
        long now;
        do {
            op.run();
            count++;
            now = cpu.getCurrentThreadCpuTime();
        } while (now < end);
        return count * 1e9 / (now - start);
    }

    static Report report(int n, int readings) {
        List<Reading> list = new ArrayList<>(readings);
        java.time.Instant t = java.time.Instant.now();
        for (int r = 0; r < readings; r++) {
            list.add(Reading.at(t.plusMillis(r), Location.of(45.4642, 9.19),
                    Value.decimal("co2", "415." + (n + r) % 10, "ppm"), Value.decimal("temperature", "21.75", "Cel")));
        }
        return new Report(ReportId.of("b" + n), SPIME, "co2-monitoring", list);
    }

    static KeyPair generate(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
        return g.generateKeyPair();
    }
}
