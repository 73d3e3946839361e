package org.openspime.gate.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.certification.Jid;
import org.openspime.certification.KeyRevokedException;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.attestation.VerifiedKey;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.client.certification.CertificationManager;
import org.openspime.client.certification.element.KeyChangeNotification;

/**
 * A spime, a ScopeNode and a service publish keys to the gate's certification service over real XMPP and verify
 * each other's; rotation, revocation and change notifications behave as docs/protocol-certification.md says.
 */
class CertificationOverXmppTest {
    private static CertifyingGate gate;
    private static XMPPTCPConnection spime;
    private static XMPPTCPConnection scopeNode;
    private static XMPPTCPConnection service;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        gate = CertifyingGate.start();
        spime = gate.client("4a6b-5638@gate.test/spime");
        scopeNode = gate.client("co2node@gate.test/co2");
        service = gate.client("ranking@gate.test/service");
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    static CertificationManager cert(XMPPTCPConnection c) {
        return CertifyingGate.certification(c);
    }

    static Jid jid(XMPPTCPConnection c) {
        return Jid.of(c.getUser().toString());
    }

    KeyVerifier verifierOf(XMPPTCPConnection c) {
        return cert(c).newVerifier(gate.certification().trustAnchors(), Duration.ofMinutes(10), gate.clock());
    }

    @Test
    void spimeScopeNodeAndServicePublishAndEachVerifiesTheOthersKeysThroughTheGate() throws Exception {
        List<XMPPTCPConnection> entities = List.of(spime, scopeNode, service);
        java.util.Map<Jid, Fingerprint> published = new java.util.HashMap<>();
        for (XMPPTCPConnection e : entities) {
            KeyPair pair = TestKeyPairs.named("publish-" + jid(e));
            KeyRecord record = cert(e).publish(pair.getPublic(), Duration.ofDays(20));
            assertThat(record.attestations()).singleElement()
                    .satisfies(a -> assertThat(a.signer()).isEqualTo(gate.certification().jid()));
            published.put(jid(e), Fingerprint.of(pair.getPublic()));
        }
        for (XMPPTCPConnection asker : entities) {
            KeyVerifier verifier = verifierOf(asker);
            for (XMPPTCPConnection other : entities) {
                if (other != asker) {
                    VerifiedKey key = verifier.currentKey(jid(other));
                    assertThat(key.fingerprint()).isEqualTo(published.get(jid(other)));
                    assertThat(key.jid()).isEqualTo(jid(other));
                }
            }
        }
    }

    @Test
    void gatesDiscoListsTheServiceWithItsIdentityAndFeatures() throws Exception {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(scopeNode);
        DiscoverItems items = disco.discoverItems(JidCreate.domainBareFrom("gate.test"));
        assertThat(items.getItems()).anySatisfy(i -> assertThat(i.getEntityID().toString()).isEqualTo("certification.gate.test"));
        DiscoverInfo info = disco.discoverInfo(JidCreate.domainBareFrom("certification.gate.test"));
        assertThat(info.getIdentities()).anySatisfy(id -> {
            assertThat(id.getCategory()).isEqualTo("auth");
            assertThat(id.getType()).isEqualTo("cert");
        });
        for (String feature : List.of(Namespaces.PUBKEY, Namespaces.ATTEST, Namespaces.REVOKE, Namespaces.LEGACY_PUBKEY)) {
            assertThat(info.containsFeature(feature)).as(feature).isTrue();
        }
        assertThat(cert(scopeNode).discoverService().toString()).isEqualTo("certification.gate.test");
    }

    @Test
    void theGatesOwnKeyIsPublishedLikeAnyOtherAndVerifiesAgainstItsAnchor() throws Exception {
        KeyList own = cert(service).query(gate.certification().jid(), KeyQuery.Subscription.UNCHANGED);
        assertThat(own.keys()).singleElement().satisfies(r -> {
            assertThat(r.pubKey().fingerprint()).isEqualTo(gate.certification().key().fingerprint());
            assertThat(r.pubKey().end()).isAfter(r.pubKey().begin().plus(CertifyingGate.MAX_KEY_LIFE).minusSeconds(1));
        });
        new AttestationVerifier(gate.certification().trustAnchors()).verifyTrust(own.keys().get(0));
    }

    @Test
    void rotationPublishesTheNewKeyAndTheOldOneStillVerifiesWhatItSigned() throws Exception {
        XMPPTCPConnection rotating = gate.client("4a6b-0001@gate.test/spime");
        LocalKeyStore store = LocalKeyStore.open(dir.resolve("spime.p12"), "pass".toCharArray());
        KeyPair first = TestKeyPairs.named("rotate-first");
        store.put(LocalKeyStore.CURRENT, first);
        cert(rotating).publishCurrent(store, Duration.ofDays(10));
        KeyVerifier verifier = verifierOf(scopeNode);
        assertThat(verifier.currentKey(jid(rotating)).fingerprint()).isEqualTo(Fingerprint.of(first.getPublic()));

        KeyPair second = TestKeyPairs.named("rotate-second");
        cert(rotating).rotate(store, second, Duration.ofDays(20));

        assertThat(store.current().orElseThrow().getPublic()).isEqualTo(second.getPublic());
        assertThat(store.previous().orElseThrow().getPublic()).isEqualTo(first.getPublic());
        KeyList listed = cert(scopeNode).query(jid(rotating), KeyQuery.Subscription.UNCHANGED);
        assertThat(listed.keys()).extracting(r -> r.pubKey().fingerprint())
                .containsExactlyInAnyOrder(Fingerprint.of(first.getPublic()), Fingerprint.of(second.getPublic()));
        verifier.invalidate(jid(rotating));
        assertThat(verifier.key(jid(rotating), Fingerprint.of(first.getPublic()), gate.clock().instant()).fingerprint())
                .isEqualTo(Fingerprint.of(first.getPublic()));
    }

    @Test
    void subscriberIsToldOfAPublicationAndARevocationAndItsVerifierForgetsTheKey() throws Exception {
        XMPPTCPConnection device = gate.client("4a6b-0002@gate.test/spime");
        KeyPair pair = TestKeyPairs.named("revoke-me");
        KeyRecord record = cert(device).publish(pair.getPublic(), Duration.ofDays(10));
        KeyVerifier verifier = verifierOf(scopeNode);
        BlockingQueue<KeyChangeNotification> told = new LinkedBlockingQueue<>();
        java.util.function.Consumer<KeyChangeNotification> listener = told::add;
        cert(scopeNode).addKeyChangeListener(listener);
        try {
            assertThat(verifier.currentKey(jid(device)).fingerprint()).isEqualTo(record.pubKey().fingerprint()); // subscribes

            KeyPair next = TestKeyPairs.named("revoke-me-next");
            cert(device).publish(next.getPublic(), Duration.ofDays(10));
            KeyChangeNotification published = next(told, jid(device));
            assertThat(published.keys().keys()).hasSize(2);

            Revocation revocation = cert(device).revoke(record.pubKey().fingerprint(), RevocationReason.KEY_COMPROMISE);
            assertThat(revocation.signer()).isEqualTo(gate.certification().jid());
            KeyChangeNotification revoked = next(told, jid(device));
            assertThat(revoked.keys().keys()).anySatisfy(r -> {
                assertThat(r.pubKey().fingerprint()).isEqualTo(record.pubKey().fingerprint());
                assertThat(r.isRevoked()).isTrue();
            });
            assertThatThrownBy(() -> verifier.key(jid(device), record.pubKey().fingerprint(), gate.clock().instant()))
                    .isInstanceOf(KeyRevokedException.class);
            assertThat(verifier.currentKey(jid(device)).fingerprint()).isEqualTo(Fingerprint.of(next.getPublic()));
        } finally {
            cert(scopeNode).removeKeyChangeListener(listener);
        }
    }

    @Test
    void subscriptionsEndWithTheSubscribersSession() throws Exception {
        XMPPTCPConnection device = gate.client("4a6b-0003@gate.test/spime");
        cert(device).publish(TestKeyPairs.named("session-bound").getPublic(), Duration.ofDays(10));
        XMPPTCPConnection watcher = gate.client("watcher@gate.test/w");
        cert(watcher).query(jid(device), KeyQuery.Subscription.SUBSCRIBE);
        assertThat(gate.certification().subscriptions().subscribersOf(jid(device))).contains(jid(watcher));

        watcher.disconnect();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!gate.certification().subscriptions().subscribersOf(jid(device)).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gate.certification().subscriptions().subscribersOf(jid(device))).isEmpty();
    }

    @Test
    void unsubscribingStopsNotifications() throws Exception {
        XMPPTCPConnection device = gate.client("4a6b-0004@gate.test/spime");
        cert(device).publish(TestKeyPairs.named("unsubscribe-1").getPublic(), Duration.ofDays(10));
        cert(service).query(jid(device), KeyQuery.Subscription.SUBSCRIBE);
        cert(service).query(jid(device), KeyQuery.Subscription.UNSUBSCRIBE);
        assertThat(gate.certification().subscriptions().subscribersOf(jid(device))).doesNotContain(jid(service));
    }

    @Test
    void legacyQueryAnswersTheCurrentBareKeys() throws Exception {
        XMPPTCPConnection device = gate.client("4a6b-0005@gate.test/spime");
        KeyPair pair = TestKeyPairs.named("legacy");
        cert(device).publish(pair.getPublic(), Duration.ofDays(10));
        assertThat(cert(scopeNode).legacyQuery(jid(device)).keys()).containsExactly((java.security.interfaces.RSAPublicKey) pair.getPublic());
        assertThatThrownBy(() -> cert(scopeNode).legacyQuery(Jid.of("nobody@gate.test/x")))
                .isInstanceOf(NoKeyPublishedException.class);
    }

    @Test
    void queryForAJidWithoutKeysIsItemNotFound() {
        assertThatThrownBy(() -> cert(scopeNode).query(Jid.of("nobody@gate.test/x"), KeyQuery.Subscription.UNCHANGED))
                .isInstanceOf(NoKeyPublishedException.class).hasMessageContaining("nobody@gate.test/x");
    }

    static KeyChangeNotification next(BlockingQueue<KeyChangeNotification> told, Jid about) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            KeyChangeNotification n = told.poll(100, TimeUnit.MILLISECONDS);
            if (n != null && n.jid().orElse(null) != null && n.jid().get().equals(about)) {
                return n;
            }
        }
        throw new AssertionError("no change notification about " + about + " within 10 s");
    }
}
