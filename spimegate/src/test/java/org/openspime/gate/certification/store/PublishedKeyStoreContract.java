package org.openspime.gate.certification.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.Attestor;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.service.PublishedKeyStore;
import org.openspime.gate.certification.TestKeyPairs;

/**
 * What {@link PublishedKeyStore} promises the certification service, run against each implementation (the JDBC
 * store on H2 and on PostgreSQL). Records are compared whole, signatures included.
 */
abstract class PublishedKeyStoreContract {
    static final Jid GATE = Jid.of("certification.gate.test");
    static final Jid SPIME = Jid.of("4a6b-5638@gate.test/spime");
    static final Jid NODE = Jid.of("co2node@gate.test/co2");
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    final Attestor attestor = attestor("gate");
    final Attestor otherGate = attestor("other-gate");

    /** A fresh, empty store. */
    abstract PublishedKeyStore store();

    static Attestor attestor(String keyName) {
        try {
            return new Attestor(new CertificationKey(GATE, TestKeyPairs.named(keyName)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    KeyRecord attested(Jid jid, String keyName, Duration life) {
        PubKey pubKey = new PubKey(jid, (RSAPublicKey) TestKeyPairs.named(keyName).getPublic(), NOW, NOW.plus(life));
        return new KeyRecord(pubKey, List.of(attestor.attest(pubKey, NOW)), Optional.empty());
    }

    @Test
    void savedRecordIsFoundByFingerprintAndByJid() {
        PublishedKeyStore store = store();
        KeyRecord record = attested(SPIME, "spime", Duration.ofDays(90));
        store.save(record);
        assertThat(store.find(record.pubKey().fingerprint())).contains(record);
        assertThat(store.findByJid(SPIME)).containsExactly(record);
    }

    @Test
    void unknownFingerprintAndUnknownJidFindNothing() {
        PublishedKeyStore store = store();
        store.save(attested(SPIME, "spime", Duration.ofDays(90)));
        assertThat(store.find(Fingerprint.of(TestKeyPairs.named("never-published").getPublic()))).isEmpty();
        assertThat(store.findByJid(Jid.of("nobody@gate.test/x"))).isEmpty();
        assertThat(store.findByJid(SPIME.bare())).isEmpty();
    }

    @Test
    void keysOfOneJidAreListedTogetherAndApartFromOthers() {
        PublishedKeyStore store = store();
        KeyRecord first = attested(SPIME, "spime", Duration.ofDays(90));
        KeyRecord rotated = attested(SPIME, "spime-next", Duration.ofDays(180));
        KeyRecord node = attested(NODE, "node", Duration.ofDays(90));
        store.save(first);
        store.save(rotated);
        store.save(node);
        assertThat(store.findByJid(SPIME)).containsExactlyInAnyOrder(first, rotated);
        assertThat(store.findByJid(NODE)).containsExactly(node);
    }

    @Test
    void savingTheSameKeyAgainReplacesValidityAttestationsAndRevocation() {
        PublishedKeyStore store = store();
        KeyRecord record = attested(SPIME, "spime", Duration.ofDays(90));
        store.save(record);

        PubKey renewed = new PubKey(SPIME, record.pubKey().key(), NOW.plusSeconds(60), NOW.plus(Duration.ofDays(200)));
        Attestation fresh = attestor.attest(renewed, NOW.plusSeconds(60));
        Attestation second = otherGate.attest(renewed, NOW.plusSeconds(61));
        KeyRecord renewal = new KeyRecord(renewed, List.of(fresh, second), Optional.empty());
        store.save(renewal);
        assertThat(store.find(renewed.fingerprint())).contains(renewal);
        assertThat(store.find(renewed.fingerprint()).orElseThrow().attestations()).containsExactly(fresh, second);

        KeyRecord revoked = renewal.revokedBy(attestor.revoke(SPIME, renewed.fingerprint(), RevocationReason.KEY_COMPROMISE,
                NOW.plusSeconds(120)));
        store.save(revoked);
        assertThat(store.find(renewed.fingerprint())).contains(revoked);
        assertThat(store.findByJid(SPIME)).containsExactly(revoked);
    }

    @Test
    void aRecordWithoutAttestationsRoundTrips() {
        PublishedKeyStore store = store();
        PubKey bare = new PubKey(NODE, (RSAPublicKey) TestKeyPairs.named("node").getPublic(), NOW, NOW.plusSeconds(3600));
        KeyRecord record = new KeyRecord(bare, List.of(), Optional.empty());
        store.save(record);
        assertThat(store.find(bare.fingerprint())).contains(record);
    }

    @Test
    void concurrentFirstSavesOfOneKeyLeaveOneRecordAndDifferentKeysAllLand() throws Exception {
        PublishedKeyStore store = store();
        KeyRecord contested = attested(SPIME, "spime", Duration.ofDays(90));
        List<KeyRecord> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(attested(Jid.of("bridge@gate.test/spime" + i), "bridge-" + i, Duration.ofDays(30)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                KeyRecord other = others.get(i);
                futures.add(pool.submit(() -> store.save(contested)));
                futures.add(pool.submit(() -> store.save(other)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.findByJid(SPIME)).containsExactly(contested);
        for (KeyRecord other : others) {
            assertThat(store.find(other.pubKey().fingerprint())).contains(other);
        }
    }
}
