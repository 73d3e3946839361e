package org.openspime.certification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.JidMismatchException;
import org.openspime.certification.KeyConflictException;
import org.openspime.certification.KeyRevokedException;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.StanzaError;
import org.openspime.certification.TestKeys;
import org.openspime.certification.TooManyKeysException;
import org.openspime.certification.ValidityRefusedException;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.attestation.Attestor;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.RevocationRequest;

class CertificationServiceTest {

    static final Jid GATE = Jid.of("certify.gate.example");
    static final Jid SPIME = Jid.of("4a6b-5638@gate.example/spime");
    static final Jid OTHER = Jid.of("co2node@gate.example/co2");
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryPublishedKeyStore store = new InMemoryPublishedKeyStore();
    final List<KeyChange> changes = new CopyOnWriteArrayList<>();
    final CertificationService service = service(CertificationPolicy.defaults());

    CertificationService service(CertificationPolicy policy) {
        try {
            CertificationService s = new CertificationService(store, new Attestor(new CertificationKey(GATE, TestKeys.GATE)), policy, clock);
            s.addListener(changes::add);
            return s;
        } catch (CertificationException e) {
            throw new IllegalStateException(e);
        }
    }

    static PubKey key(Jid jid, KeyPair pair, Duration life) {
        return new PubKey(jid, (RSAPublicKey) pair.getPublic(), NOW, NOW.plus(life));
    }

    static PubKey key(Jid jid, KeyPair pair) {
        return key(jid, pair, Duration.ofDays(90));
    }

    @Test
    void publishedKeyIsAttestedStoredAndVerifiableByTheGatesAnchor() throws Exception {
        KeyRecord record = service.publish(SPIME, key(SPIME, TestKeys.SPIME));

        assertThat(record.attestations()).singleElement().satisfies(a -> {
            assertThat(a.signer()).isEqualTo(GATE);
            assertThat(a.signedAt()).isEqualTo(NOW);
        });
        assertThat(store.find(record.pubKey().fingerprint())).contains(record);
        AttestationVerifier verifier = new AttestationVerifier(TrustAnchors.builder().trust(GATE, TestKeys.GATE.getPublic()).build());
        assertThat(verifier.verify(record, NOW).jid()).isEqualTo(SPIME);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(KeyChange.Kind.PUBLISHED);
            assertThat(c.current().keys()).containsExactly(record);
        });
    }

    @Test
    void anAccountMayPublishForItsBareJid() throws Exception {
        assertThat(service.publish(SPIME, key(SPIME.bare(), TestKeys.SPIME)).pubKey().jid()).isEqualTo(SPIME.bare());
    }

    @Test
    void publishingForAnotherJidIsForbiddenAndStoresNothing() {
        assertThatThrownBy(() -> service.publish(OTHER, key(SPIME, TestKeys.SPIME)))
                .isInstanceOfSatisfying(JidMismatchException.class, e -> assertThat(e.stanzaError()).isEqualTo(StanzaError.FORBIDDEN));
        assertThatThrownBy(() -> service.publish(SPIME.bare(), key(SPIME, TestKeys.SPIME))).isInstanceOf(JidMismatchException.class);
        assertThat(store.size()).isZero();
        assertThat(changes).isEmpty();
    }

    @Test
    void shortKeyIsNotAcceptable() {
        assertThatThrownBy(() -> service.publish(SPIME, key(SPIME, TestKeys.SHORT)))
                .isInstanceOfSatisfying(KeyTooShortException.class, e -> assertThat(e.stanzaError()).isEqualTo(StanzaError.NOT_ACCEPTABLE));
    }

    @Test
    void validityInThePastInvertedOrBeyondTheMaximumKeyLifeIsNotAcceptable() {
        RSAPublicKey k = (RSAPublicKey) TestKeys.SPIME.getPublic();
        assertThatThrownBy(() -> service.publish(SPIME, new PubKey(SPIME, k, NOW.minusSeconds(7200), NOW.minusSeconds(3600))))
                .isInstanceOf(ValidityRefusedException.class).hasMessageContaining("already over");
        assertThatThrownBy(() -> service.publish(SPIME, new PubKey(SPIME, k, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)))))
                .isInstanceOf(ValidityRefusedException.class).hasMessageContaining("begins in the past");
        assertThatThrownBy(() -> service.publish(SPIME, new PubKey(SPIME, k, NOW.plusSeconds(60), NOW)))
                .isInstanceOf(ValidityRefusedException.class).hasMessageContaining("ends before it begins");
        assertThatThrownBy(() -> service.publish(SPIME, key(SPIME, TestKeys.SPIME, Duration.ofDays(366))))
                .isInstanceOfSatisfying(ValidityRefusedException.class, e -> {
                    assertThat(e).hasMessageContaining("maximum key life of 365 days");
                    assertThat(e.stanzaError()).isEqualTo(StanzaError.NOT_ACCEPTABLE);
                });
        assertThat(store.size()).isZero();
    }

    @Test
    void beginSlightlyInThePastIsToleratedAsClockSkew() throws Exception {
        RSAPublicKey k = (RSAPublicKey) TestKeys.SPIME.getPublic();
        assertThat(service.publish(SPIME, new PubKey(SPIME, k, NOW.minusSeconds(120), NOW.plus(Duration.ofDays(30))))).isNotNull();
    }

    @Test
    void republishingTheSameKeyRenewsItsValidity() throws Exception {
        service.publish(SPIME, key(SPIME, TestKeys.SPIME, Duration.ofDays(30)));
        clock.advance(Duration.ofDays(20));
        PubKey renewed = new PubKey(SPIME, (RSAPublicKey) TestKeys.SPIME.getPublic(), clock.instant(), clock.instant().plus(Duration.ofDays(30)));

        service.publish(SPIME, renewed);

        assertThat(service.query(SPIME).keys()).singleElement().satisfies(r -> assertThat(r.pubKey()).isEqualTo(renewed));
    }

    @Test
    void aRevokedKeyCannotBePublishedAgain() throws Exception {
        KeyRecord record = service.publish(SPIME, key(SPIME, TestKeys.SPIME));
        service.revoke(SPIME, new RevocationRequest(record.pubKey().fingerprint(), RevocationReason.KEY_COMPROMISE));

        assertThatThrownBy(() -> service.publish(SPIME, key(SPIME, TestKeys.SPIME)))
                .isInstanceOfSatisfying(KeyRevokedException.class, e -> assertThat(e.stanzaError()).isEqualTo(StanzaError.NOT_ACCEPTABLE));
    }

    @Test
    void aKeyBoundToOneJidCannotBePublishedForAnother() throws Exception {
        service.publish(SPIME, key(SPIME, TestKeys.SPIME));
        assertThatThrownBy(() -> service.publish(OTHER, key(OTHER, TestKeys.SPIME)))
                .isInstanceOfSatisfying(KeyConflictException.class, e -> assertThat(e.stanzaError()).isEqualTo(StanzaError.CONFLICT));
    }

    @Test
    void theNumberOfCurrentKeysPerJidIsLimited() throws Exception {
        CertificationService strict = service(new CertificationPolicy(Duration.ofDays(365), Duration.ofMinutes(5), 1));
        strict.publish(SPIME, key(SPIME, TestKeys.SPIME));
        assertThatThrownBy(() -> strict.publish(SPIME, key(SPIME, TestKeys.SPIME_NEXT)))
                .isInstanceOfSatisfying(TooManyKeysException.class, e -> assertThat(e.stanzaError()).isEqualTo(StanzaError.RESOURCE_CONSTRAINT));
    }

    @Test
    void concurrentPublicationsNeverExceedTheLimit() throws Exception {
        CertificationService strict = service(new CertificationPolicy(Duration.ofDays(365), Duration.ofMinutes(5), 2));
        List<KeyPair> pairs = List.of(TestKeys.SPIME, TestKeys.SPIME_NEXT, TestKeys.SCOPENODE, TestKeys.OTHER_GATE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(pairs.stream().map(p -> (java.util.concurrent.Callable<Boolean>) () -> {
                try {
                    strict.publish(SPIME, key(SPIME, p));
                    return true;
                } catch (TooManyKeysException e) {
                    return false;
                }
            }).toList());
            long accepted = 0;
            for (Future<Boolean> f : results) {
                accepted += f.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(2);
            assertThat(store.findByJid(SPIME)).hasSize(2);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rotationKeepsBothKeysNewestFirstUntilTheOldOneExpires() throws Exception {
        service.publish(SPIME, key(SPIME, TestKeys.SPIME, Duration.ofDays(30)));
        clock.advance(Duration.ofDays(25));
        PubKey next = new PubKey(SPIME, (RSAPublicKey) TestKeys.SPIME_NEXT.getPublic(), clock.instant(), clock.instant().plus(Duration.ofDays(90)));
        service.publish(SPIME, next);

        assertThat(service.query(SPIME).keys()).extracting(r -> (java.security.PublicKey) r.pubKey().key())
                .containsExactly(TestKeys.SPIME_NEXT.getPublic(), TestKeys.SPIME.getPublic());
        clock.advance(Duration.ofDays(6));
        assertThat(service.query(SPIME).keys()).extracting(r -> (java.security.PublicKey) r.pubKey().key()).containsExactly(TestKeys.SPIME_NEXT.getPublic());
    }

    @Test
    void queryForAJidWithoutKeysIsItemNotFound() throws Exception {
        assertThatThrownBy(() -> service.query(SPIME))
                .isInstanceOfSatisfying(NoKeyPublishedException.class, e -> assertThat(e.stanzaError()).isEqualTo(StanzaError.ITEM_NOT_FOUND));
        service.publish(SPIME, key(SPIME, TestKeys.SPIME, Duration.ofDays(1)));
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> service.query(SPIME)).isInstanceOf(NoKeyPublishedException.class);
    }

    @Test
    void revocationIsSignedStoredShownInQueriesAndNotified() throws Exception {
        KeyRecord record = service.publish(SPIME, key(SPIME, TestKeys.SPIME));
        Revocation revocation = service.revoke(SPIME, new RevocationRequest(record.pubKey().fingerprint(), RevocationReason.SUPERSEDED));

        assertThat(revocation.signer()).isEqualTo(GATE);
        assertThat(service.query(SPIME).keys()).singleElement().satisfies(r -> assertThat(r.revocation()).contains(revocation));
        assertThat(changes).extracting(KeyChange::kind).containsExactly(KeyChange.Kind.PUBLISHED, KeyChange.Kind.REVOKED);
        AttestationVerifier verifier = new AttestationVerifier(TrustAnchors.builder().trust(GATE, TestKeys.GATE.getPublic()).build());
        assertThat(verifier.verifyRevocation(revocation)).isEqualTo(revocation);
        assertThat(service.revoke(SPIME, new RevocationRequest(record.pubKey().fingerprint(), RevocationReason.KEY_COMPROMISE)))
                .as("a second revocation returns the first").isEqualTo(revocation);
    }

    @Test
    void nobodyRevokesAnotherEntitysKeyButTheOperatorCan() throws Exception {
        KeyRecord record = service.publish(SPIME, key(SPIME, TestKeys.SPIME));
        var fingerprint = record.pubKey().fingerprint();
        assertThatThrownBy(() -> service.revoke(OTHER, new RevocationRequest(fingerprint, RevocationReason.UNSPECIFIED)))
                .isInstanceOf(JidMismatchException.class);
        assertThat(service.revokeAsOperator(fingerprint, RevocationReason.RETIRED).reason()).isEqualTo(RevocationReason.RETIRED);
    }

    @Test
    void revokingAnUnknownKeyIsItemNotFound() {
        assertThatThrownBy(() -> service.revokeAsOperator(org.openspime.certification.keys.Fingerprint.of(TestKeys.SPIME.getPublic()),
                RevocationReason.UNSPECIFIED)).isInstanceOf(NoKeyPublishedException.class);
    }

    @Test
    void legacyQueryListsOnlyUsableKeys() throws Exception {
        KeyRecord old = service.publish(SPIME, key(SPIME, TestKeys.SPIME));
        service.publish(SPIME, key(SPIME, TestKeys.SPIME_NEXT));
        service.revoke(SPIME, new RevocationRequest(old.pubKey().fingerprint(), RevocationReason.SUPERSEDED));

        assertThat(service.legacyQuery(SPIME).keys()).containsExactly((RSAPublicKey) TestKeys.SPIME_NEXT.getPublic());
        assertThatThrownBy(() -> service.legacyQuery(OTHER)).isInstanceOf(NoKeyPublishedException.class);
    }

    @Test
    void aFailingListenerDoesNotUndoTheChangeNorSilenceOthers() throws Exception {
        service.addListener(c -> {
            throw new IllegalStateException("subscriber gone");
        });
        List<KeyChange> later = new CopyOnWriteArrayList<>();
        service.addListener(later::add);

        service.publish(SPIME, key(SPIME, TestKeys.SPIME));

        assertThat(later).hasSize(1);
        assertThat(service.query(SPIME).keys()).hasSize(1);
    }
}
