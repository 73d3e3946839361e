package org.openspime.gate.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.IQTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.openspime.gate.testing.TestGate;

/**
 * RFC 6121 3: a subscription request reaches the contact, its approval reaches the requester, both rosters are
 * pushed, and presence then flows (stock Vysper never delivered the request, notes item 12).
 */
class PresenceSubscriptionTest {
    private static TestGate gate;

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.start();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void subscriptionRequestIsDeliveredApprovedAndPresenceFlows() throws Exception {
        XMPPTCPConnection alice = gate.newClient("alice@gate.test/phone");
        XMPPTCPConnection bob = gate.newClient("bob@gate.test/laptop");
        Roster aliceRoster = Roster.getInstanceFor(alice);
        Roster bobRoster = Roster.getInstanceFor(bob);
        java.util.List<Stanza> iqErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        alice.addAsyncStanzaListener(iqErrors::add, new AndFilter(StanzaTypeFilter.IQ, IQTypeFilter.ERROR));
        bob.addAsyncStanzaListener(iqErrors::add, new AndFilter(StanzaTypeFilter.IQ, IQTypeFilter.ERROR));
        aliceRoster.reloadAndWait();
        bobRoster.reloadAndWait();
        CountDownLatch requested = new CountDownLatch(1);
        bobRoster.addSubscribeListener((from, subscribeRequest) -> {
            requested.countDown();
            return SubscribeListener.SubscribeAnswer.Approve;
        });
        BareJid bobJid = bob.getUser().asBareJid();
        aliceRoster.createItemAndRequestSubscription(bobJid, "Bob", null);
        assertThat(requested.await(10, TimeUnit.SECONDS)).as("bob received the subscription request").isTrue();

        long deadline = System.currentTimeMillis() + 10_000;
        RosterEntry entry = aliceRoster.getEntry(bobJid);
        while (System.currentTimeMillis() < deadline && (entry == null || !entry.canSeeHisPresence())) {
            Thread.sleep(50);
            entry = aliceRoster.getEntry(bobJid);
        }
        assertThat(entry).isNotNull();
        assertThat(entry.canSeeHisPresence()).as("alice's roster shows subscription to bob").isTrue();

        bob.sendStanza(bob.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available)
                .setStatus("measuring").build());
        deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !aliceRoster.getPresence(bobJid).isAvailable()) {
            Thread.sleep(50);
        }
        assertThat(aliceRoster.getPresence(bobJid).isAvailable()).as("alice sees bob online").isTrue();
        assertThat(iqErrors).as("no error answers to roster push replies (RFC 6120 8.2.3)").isEmpty();
        alice.disconnect();
        bob.disconnect();
    }

    /**
     * The contact's approval can be processed before the gate has finished handling the request: the requester's
     * roster must still end at subscription "to", never at the earlier "none + ask" state (session 2's CI failure).
     */
    @Test
    void approvalRacingTheRequestersOwnRosterPushStillEndsSubscribed() throws Exception {
        int pairs = 25;
        java.util.List<String> stale = new java.util.ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            XMPPTCPConnection requester = gate.newClient("req" + i + "@gate.test/phone");
            XMPPTCPConnection contact = gate.newClient("con" + i + "@gate.test/laptop");
            Roster requesterRoster = Roster.getInstanceFor(requester);
            Roster contactRoster = Roster.getInstanceFor(contact);
            requesterRoster.reloadAndWait();
            contactRoster.reloadAndWait();
            contactRoster.addSubscribeListener((from, request) -> SubscribeListener.SubscribeAnswer.Approve);
            BareJid contactJid = contact.getUser().asBareJid();
            CountDownLatch approved = new CountDownLatch(1);
            requester.addAsyncStanzaListener(s -> approved.countDown(),
                    s -> s instanceof Presence p && p.getType() == Presence.Type.subscribed);
            requesterRoster.createItemAndRequestSubscription(contactJid, "Contact", null);
            assertThat(approved.await(10, TimeUnit.SECONDS)).as("pair %d approved", i).isTrue();
            long deadline = System.currentTimeMillis() + 3_000;
            RosterEntry entry = requesterRoster.getEntry(contactJid);
            while (System.currentTimeMillis() < deadline && (entry == null || !entry.canSeeHisPresence())) {
                Thread.sleep(20);
                entry = requesterRoster.getEntry(contactJid);
            }
            if (entry == null || !entry.canSeeHisPresence()) {
                stale.add("pair " + i + ": " + (entry == null ? "no entry" : entry.getType() + " ask "
                        + entry.isSubscriptionPending()));
            }
            requester.disconnect();
            contact.disconnect();
        }
        assertThat(stale).as("requesters whose roster push arrived out of order").isEmpty();
    }
}
