package org.openspime.gate.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.gate.testing.PeerGate;

/**
 * Two gates, each on its own loopback address with its own domain and certificate, each pinning the other's:
 * stanzas cross in both directions over TLS, the initiating gate authenticated by its certificate (SASL EXTERNAL,
 * XEP-0178, since each pins the other's), IQs are answered across gates, and what cannot be delivered on the far
 * gate comes back as an error. ({@link ReconnectTest} runs the same gates with dialback.)
 */
class FederationTest {
    private static PeerGate a;
    private static PeerGate b;
    private static XMPPTCPConnection alice;
    private static XMPPTCPConnection bob;
    /** A "peer" that accepts TCP connections and never says a word. */
    private static java.net.ServerSocket silent;

    @BeforeAll
    static void start() throws Exception {
        a = PeerGate.prepare("a.test", PeerGate.loopback(2));
        b = PeerGate.prepare("b.test", PeerGate.loopback(3));
        silent = new java.net.ServerSocket();
        silent.bind(new java.net.InetSocketAddress(a.address(), 0));
        a.federateWith(b).configure(f -> f.withPeer("silent.test",
                new org.openspime.gate.config.FederationConfig.HostPort(a.address(), silent.getLocalPort()))).start();
        b.federateWith(a).start();
        alice = a.client("alice", "phone");
        bob = b.client("bob", "sensor");
    }

    @AfterAll
    static void stop() {
        alice.disconnect();
        bob.disconnect();
        a.close();
        b.close();
        try {
            silent.close();
        } catch (java.io.IOException e) {
            // test teardown
        }
    }

    private static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), MessageTypeFilter.NORMAL_OR_CHAT);
        return q;
    }

    @Test
    void messagesCrossBetweenGatesInBothDirections() throws Exception {
        BlockingQueue<Message> bobs = inbox(bob);
        BlockingQueue<Message> alices = inbox(alice);
        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(bob.getUser()).setBody("hello b").build());
        Message atBob = bobs.poll(15, TimeUnit.SECONDS);
        assertThat(atBob).isNotNull();
        assertThat(atBob.getBody()).isEqualTo("hello b");
        assertThat(atBob.getFrom().toString()).isEqualTo(alice.getUser().toString());

        bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(alice.getUser()).setBody("hello a").build());
        Message atAlice = alices.poll(15, TimeUnit.SECONDS);
        assertThat(atAlice).isNotNull();
        assertThat(atAlice.getBody()).isEqualTo("hello a");
        assertThat(atAlice.getFrom().toString()).isEqualTo(bob.getUser().toString());
        assertThat(b.gate().federation().metrics().authenticationCount("sasl_external_valid")).isPositive();
        assertThat(a.gate().federation().metrics().authenticationCount("sasl_external_valid")).isPositive();
        assertThat(b.gate().federation().metrics().authenticationCount("received_valid")).as("no dialback needed")
                .isZero();
    }

    @Test
    void messageToABareJidOnThePeerReachesTheSession() throws Exception {
        BlockingQueue<Message> bobs = inbox(bob);
        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(bob.getUser().asBareJid())
                .setBody("to the account").build());
        Message atBob = bobs.poll(15, TimeUnit.SECONDS);
        assertThat(atBob).isNotNull();
        assertThat(atBob.getBody()).isEqualTo("to the account");
    }

    @Test
    void directedPresenceCrossesGates() throws Exception {
        BlockingQueue<org.jivesoftware.smack.packet.Presence> seen = new LinkedBlockingQueue<>();
        // only alice's: bob also sees presence of his own (his session's reflection), whenever it comes
        bob.addAsyncStanzaListener(s -> seen.add((org.jivesoftware.smack.packet.Presence) s),
                new org.jivesoftware.smack.filter.AndFilter(org.jivesoftware.smack.filter.StanzaTypeFilter.PRESENCE,
                        org.jivesoftware.smack.filter.FromMatchesFilter.createFull(alice.getUser())));
        alice.sendStanza(alice.getStanzaFactory().buildPresenceStanza().to(bob.getUser()).setStatus("at the desk")
                .build());
        org.jivesoftware.smack.packet.Presence p = seen.poll(15, TimeUnit.SECONDS);
        assertThat(p).isNotNull();
        assertThat(p.getFrom().toString()).isEqualTo(alice.getUser().toString());
        assertThat(p.getStatus()).isEqualTo("at the desk");
    }

    /** RFC 6121 subscriptions between accounts of two gates: request, approval, roster pushes, then presence. */
    @Test
    void presenceSubscriptionAcrossGatesIsApprovedAndPresenceFollows() throws Exception {
        XMPPTCPConnection carol = a.client("carol", "phone");
        XMPPTCPConnection dave = b.client("dave", "sensor");
        try {
            org.jivesoftware.smack.roster.Roster carolRoster = org.jivesoftware.smack.roster.Roster.getInstanceFor(carol);
            org.jivesoftware.smack.roster.Roster daveRoster = org.jivesoftware.smack.roster.Roster.getInstanceFor(dave);
            carolRoster.reloadAndWait();
            daveRoster.reloadAndWait();
            java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
            daveRoster.addSubscribeListener((from, request) -> {
                asked.countDown();
                return org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer.Approve;
            });
            org.jxmpp.jid.BareJid daveJid = dave.getUser().asBareJid();
            carolRoster.createItemAndRequestSubscription(daveJid, "Dave", null);
            assertThat(asked.await(15, TimeUnit.SECONDS)).as("dave@b.test got carol's request").isTrue();
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline && (carolRoster.getEntry(daveJid) == null
                    || !carolRoster.getEntry(daveJid).canSeeHisPresence())) {
                Thread.sleep(50);
            }
            assertThat(carolRoster.getEntry(daveJid).canSeeHisPresence()).as("carol's roster: subscribed to dave")
                    .isTrue();
            dave.sendStanza(dave.getStanzaFactory().buildPresenceStanza()
                    .ofType(org.jivesoftware.smack.packet.Presence.Type.available).setStatus("pumping").build());
            deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline && !"pumping".equals(carolRoster.getPresence(daveJid).getStatus())) {
                Thread.sleep(50);
            }
            assertThat(carolRoster.getPresence(daveJid).getStatus()).as("carol sees dave's presence").isEqualTo("pumping");
        } finally {
            carol.disconnect();
            dave.disconnect();
        }
    }

    @Test
    void iqRequestAndResultCrossGates() throws Exception {
        assertThat(PingManager.getInstanceFor(alice).ping(bob.getUser(), 15_000)).isTrue();
        VersionManager.getInstanceFor(alice).setVersion("alice-device", "2.0");
        Version version = VersionManager.getInstanceFor(bob).getVersion(alice.getUser());
        assertThat(version.getName()).startsWith("alice-device");
        assertThat(version.getVersion()).isEqualTo("2.0");
    }

    /**
     * A gate's certification service answers across federation: bob on B asks A's service (certification.a.test)
     * for alice's keys, gets them attested by A's certification key, which he trusts for a.test's identities
     * only, and is told across the link when alice's key changes. The answers leave A from its component
     * subdomain, on a stream of their own, proved by A's certificate (pinned for a.test, which covers it).
     */
    @Test
    void keysCertifiedByOneGateAreQueriedVerifiedAndFollowedFromAnother() throws Exception {
        org.openspime.client.certification.CertificationManager aliceKeys =
                org.openspime.client.certification.CertificationManager.getInstanceFor(alice);
        org.openspime.client.certification.CertificationManager bobKeys =
                org.openspime.client.certification.CertificationManager.getInstanceFor(bob);
        java.security.KeyPair first = org.openspime.certification.keys.RsaKeys.generate(2048);
        aliceKeys.publish(first.getPublic(), java.time.Duration.ofDays(5));
        org.openspime.certification.Jid aliceJid = org.openspime.certification.Jid.of(alice.getUser().toString());

        assertThat(bobKeys.serviceFor(aliceJid).toString()).isEqualTo("certification.a.test");
        org.openspime.certification.client.KeyVerifier verifier = bobKeys.newVerifier(
                a.gate().certification().trustAnchors(), java.time.Duration.ofMinutes(10),
                java.time.Clock.systemUTC());
        org.openspime.certification.attestation.VerifiedKey key = verifier.currentKey(aliceJid);
        assertThat(key.fingerprint())
                .isEqualTo(org.openspime.certification.keys.Fingerprint.of(first.getPublic()));
        assertThat(key.attestedBy().toString()).isEqualTo("certification.a.test");

        BlockingQueue<Object> changes = new LinkedBlockingQueue<>();
        bobKeys.addKeyChangeListener(changes::add);
        java.security.KeyPair second = org.openspime.certification.keys.RsaKeys.generate(2048);
        aliceKeys.publish(second.getPublic(), java.time.Duration.ofDays(5));
        assertThat(changes.poll(15, TimeUnit.SECONDS)).as("key change notice from A's service reached B").isNotNull();
        org.openspime.certification.keys.Fingerprint secondPrint =
                org.openspime.certification.keys.Fingerprint.of(second.getPublic());
        assertThat(verifier.key(aliceJid, secondPrint, java.time.Instant.now()).fingerprint())
                .as("the new key, learnt after the notice").isEqualTo(secondPrint);
    }

    @Test
    void iqToAnOfflineJidOnThePeerBouncesBackAcrossTheLink() throws Exception {
        Ping ping = new Ping(JidCreate.entityFullFrom("bob@b.test/offline"));
        assertThatThrownBy(() -> alice.sendIqRequestAndWaitForResponse(ping))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat((Object) e.getStanzaError()
                        .getCondition()).isEqualTo(StanzaError.Condition.service_unavailable));
        Ping toNobody = new Ping(JidCreate.entityFullFrom("nobody@b.test/x"));
        assertThatThrownBy(() -> alice.sendIqRequestAndWaitForResponse(toNobody))
                .isInstanceOf(XMPPErrorException.class);
    }

    @Test
    void aSilentPeerHoldsUpNobodyElseAndItsStanzasBounceWhenSetUpTimesOut() throws Exception {
        BlockingQueue<Message> bobs = inbox(bob);
        long start = System.nanoTime();
        Ping toSilent = new Ping(JidCreate.entityFullFrom("someone@silent.test/x"));
        org.jivesoftware.smack.SmackFuture<org.jivesoftware.smack.packet.IQ, Exception> pending =
                alice.sendIqRequestAsync(toSilent, 20_000);
        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(bob.getUser()).setBody("not held up")
                .build());
        Message atBob = bobs.poll(15, TimeUnit.SECONDS);
        assertThat(atBob).isNotNull();
        assertThat(atBob.getBody()).isEqualTo("not held up");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThatThrownBy(pending::getOrThrow).isInstanceOfSatisfying(XMPPErrorException.class, e ->
                assertThat((Object) e.getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.remote_server_timeout));
        // the set-up timeout of the test gates is 8 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(7),
                Duration.ofSeconds(15));
    }

    @Test
    void stanzaToADomainWithNoReachableGateBouncesWithRemoteServerError() throws Exception {
        // c.test is neither configured nor in DNS (.test is reserved): discovery falls back to c.test:5269
        Ping ping = new Ping(JidCreate.entityFullFrom("carol@c.test/x"));
        assertThatThrownBy(() -> alice.sendIqRequestAndWaitForResponse(ping))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat((Object) e.getStanzaError()
                        .getCondition()).isIn(StanzaError.Condition.remote_server_not_found,
                        StanzaError.Condition.remote_server_timeout));
    }
}
