package org.openspime.certification.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.certification.BadSignatureException;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.KeyExpiredException;
import org.openspime.certification.KeyRevokedException;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.TestKeys;
import org.openspime.certification.UntrustedAttestorException;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.attestation.Attestor;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.service.CertificationPolicy;
import org.openspime.certification.service.CertificationService;
import org.openspime.certification.service.InMemoryPublishedKeyStore;
import org.openspime.certification.service.MutableClock;

/** The client verifier against a real service (in-memory store), with the fetch counted. */
class KeyVerifierTest {

    static final Jid GATE = Jid.of("certify.gate.example");
    static final Jid SPIME = Jid.of("4a6b-5638@gate.example/spime");
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final AtomicInteger fetches = new AtomicInteger();
    CertificationService service;
    KeyVerifier verifier;

    @BeforeEach
    void setUp() throws CertificationException {
        service = new CertificationService(new InMemoryPublishedKeyStore(), new Attestor(new CertificationKey(GATE, TestKeys.GATE)),
                CertificationPolicy.defaults(), clock);
        verifier = verifierTrusting(TrustAnchors.builder().trust(GATE, TestKeys.GATE.getPublic()).build(), jid -> {
            fetches.incrementAndGet();
            return service.query(jid);
        });
    }

    KeyVerifier verifierTrusting(TrustAnchors anchors, KeyFetcher fetcher) {
        return new KeyVerifier(new AttestationVerifier(anchors), fetcher, Duration.ofMinutes(10), clock);
    }

    PubKey publish(KeyPair pair, Duration life) throws CertificationException {
        PubKey key = new PubKey(SPIME, (RSAPublicKey) pair.getPublic(), clock.instant(), clock.instant().plus(life));
        service.publish(SPIME, key);
        return key;
    }

    @Test
    void verifiedKeyIsCachedSoASecondLookupDoesNotFetch() throws Exception {
        publish(TestKeys.SPIME, Duration.ofDays(30));

        assertThat(verifier.currentKey(SPIME).key()).isEqualTo(TestKeys.SPIME.getPublic());
        assertThat(verifier.currentKey(SPIME).attestedBy()).isEqualTo(GATE);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void cacheEntryExpiresAfterItsTimeToLive() throws Exception {
        publish(TestKeys.SPIME, Duration.ofDays(30));
        verifier.currentKey(SPIME);
        clock.advance(Duration.ofMinutes(11));
        verifier.currentKey(SPIME);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void changeNotificationDropsTheEntryAndRevocationIsThenSeen() throws Exception {
        PubKey key = publish(TestKeys.SPIME, Duration.ofDays(30));
        verifier.currentKey(SPIME);
        service.addListener(change -> verifier.onKeyChange(change.current()));

        service.revokeAsOperator(key.fingerprint(), RevocationReason.KEY_COMPROMISE);

        assertThatThrownBy(() -> verifier.currentKey(SPIME)).isInstanceOf(KeyRevokedException.class);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void afterRotationTheNewKeyIsCurrentAndTheOldStillVerifiesWhatItSigned() throws Exception {
        PubKey old = publish(TestKeys.SPIME, Duration.ofDays(30));
        Instant signedWithOld = clock.instant().plus(Duration.ofDays(1));
        clock.advance(Duration.ofDays(20));
        PubKey next = publish(TestKeys.SPIME_NEXT, Duration.ofDays(90));

        assertThat(verifier.currentKey(SPIME).fingerprint()).isEqualTo(next.fingerprint());
        assertThat(verifier.key(SPIME, old.fingerprint(), signedWithOld).fingerprint()).isEqualTo(old.fingerprint());
        assertThatThrownBy(() -> verifier.key(SPIME, old.fingerprint(), old.end()))
                .isInstanceOf(KeyExpiredException.class);
    }

    @Test
    void cachedKeyIsNoLongerReturnedOnceExpired() throws Exception {
        publish(TestKeys.SPIME, Duration.ofMinutes(5));
        verifier.currentKey(SPIME);
        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> verifier.currentKey(SPIME)).isInstanceOf(NoKeyPublishedException.class);
    }

    @Test
    void keyAttestedByAnUntrustedGateIsRefused() throws Exception {
        publish(TestKeys.SPIME, Duration.ofDays(30));
        KeyVerifier other = verifierTrusting(TrustAnchors.builder().trust(Jid.of("certify.other.example"), TestKeys.OTHER_GATE.getPublic()).build(),
                service::query);
        assertThatThrownBy(() -> other.currentKey(SPIME)).isInstanceOf(UntrustedAttestorException.class);
    }

    @Test
    void forgedAttestationIsABadSignature() throws Exception {
        PubKey key = publish(TestKeys.SPIME, Duration.ofDays(30));
        Attestation genuine = service.query(SPIME).keys().get(0).attestations().get(0);
        PubKey stretched = new PubKey(SPIME, key.key(), key.begin(), key.end().plus(Duration.ofDays(3000)));
        KeyRecord forged = new KeyRecord(stretched, List.of(genuine), Optional.empty());
        KeyVerifier fooled = verifierTrusting(TrustAnchors.builder().trust(GATE, TestKeys.GATE.getPublic()).build(),
                jid -> new KeyList(SPIME, List.of(forged)));
        assertThatThrownBy(() -> fooled.currentKey(SPIME)).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void shortOrNonRsaKeysAreRefused() throws Exception {
        Attestor gate = new Attestor(new CertificationKey(GATE, TestKeys.GATE));
        PubKey shortKey = new PubKey(SPIME, (RSAPublicKey) TestKeys.SHORT.getPublic(), NOW, NOW.plus(Duration.ofDays(1)));
        KeyRecord record = new KeyRecord(shortKey, List.of(gate.attest(shortKey, NOW)), Optional.empty());
        KeyVerifier v = verifierTrusting(TrustAnchors.builder().trust(GATE, TestKeys.GATE.getPublic()).build(),
                jid -> new KeyList(SPIME, List.of(record)));
        assertThatThrownBy(() -> v.currentKey(SPIME)).isInstanceOf(KeyTooShortException.class);
        assertThat(new KeyTooShortException(1024, 2048)).isNotInstanceOf(MalformedKeyException.class);
    }

    @Test
    void noKeyPublishedIsNotCached() throws Exception {
        assertThatThrownBy(() -> verifier.currentKey(SPIME)).isInstanceOf(NoKeyPublishedException.class);
        publish(TestKeys.SPIME, Duration.ofDays(30));
        assertThat(verifier.currentKey(SPIME).key()).isEqualTo(TestKeys.SPIME.getPublic());
    }

    @Test
    void unknownFingerprintRefetchesButNotOnEveryMessage() throws Exception {
        publish(TestKeys.SPIME, Duration.ofDays(30));
        verifier.currentKey(SPIME);
        Fingerprint unknown = Fingerprint.of(TestKeys.SCOPENODE.getPublic());

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> verifier.key(SPIME, unknown, NOW)).isInstanceOf(NoKeyPublishedException.class);
        }
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(11));
        PubKey next = publish(TestKeys.SPIME_NEXT, Duration.ofDays(30));
        assertThat(verifier.key(SPIME, next.fingerprint(), clock.instant()).fingerprint()).isEqualTo(next.fingerprint());
        assertThat(fetches).hasValue(2);
    }

    @Test
    void answerAboutAnotherJidIsNotTrusted() {
        KeyVerifier confused = verifierTrusting(TrustAnchors.builder().build(), jid -> new KeyList(Jid.of("x@y"), List.of()));
        assertThatThrownBy(() -> confused.currentKey(SPIME)).isInstanceOf(NoKeyPublishedException.class).hasMessageContaining("x@y");
    }
}
