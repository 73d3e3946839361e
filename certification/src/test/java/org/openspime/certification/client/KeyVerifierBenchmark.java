package org.openspime.certification.client;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openspime.certification.Jid;
import org.openspime.certification.TestKeys;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.attestation.Attestor;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;

/**
 * Cost of a cached and an uncached verification, by hand (not a test: timings on a shared 2-core machine
 * are not assertions). Run after {@code ./mvnw -q -pl certification test-compile}:
 * {@code java -cp certification/target/classes:certification/target/test-classes:$(cat cp.txt)
 * org.openspime.certification.client.KeyVerifierBenchmark}.
 */
public final class KeyVerifierBenchmark {

    private KeyVerifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Jid gate = Jid.of("certify.gate.example");
        Jid spime = Jid.of("4a6b-5638@gate.example/spime");
        Instant now = Instant.now();
        PubKey key = new PubKey(spime, (RSAPublicKey) TestKeys.SPIME.getPublic(), now, now.plus(Duration.ofDays(30)));
        KeyRecord record = new KeyRecord(key, List.of(new Attestor(new CertificationKey(gate, TestKeys.GATE)).attest(key, now)), Optional.empty());
        KeyList list = new KeyList(spime, List.of(record));
        AttestationVerifier attestations = new AttestationVerifier(TrustAnchors.builder().trust(gate, TestKeys.GATE.getPublic()).build());
        KeyVerifier cached = new KeyVerifier(attestations, jid -> list, Duration.ofMinutes(10), Clock.systemUTC());

        int rounds = 2_000_000;
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += cached.currentKey(spime).begin().getNano();
            }
            report("cached currentKey", rounds, System.nanoTime() - start);
        }
        int uncachedRounds = 20_000;
        for (int warm = 0; warm < 2; warm++) {
            long start = System.nanoTime();
            for (int i = 0; i < uncachedRounds; i++) {
                cached.invalidate(spime);
                sink += cached.currentKey(spime).begin().getNano();
            }
            report("uncached currentKey (RSA-2048 verify)", uncachedRounds, System.nanoTime() - start);
        }
        System.out.println("(sink " + sink + ")");
    }

    private static void report(String what, int rounds, long nanos) {
        System.out.printf("%-40s %10.3f µs/op %12.0f ops/s%n", what, nanos / 1000.0 / rounds, rounds * 1e9 / nanos);
    }
}
