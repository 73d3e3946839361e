package org.openspime.certification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyQuery;

class KeySubscriptionsTest {

    static final Jid SPIME = Jid.of("4a6b-5638@gate.example/spime");
    static final Jid NODE = Jid.of("co2node@gate.example/co2");
    static final Jid TOOL = Jid.of("tool@net.example/cli");

    final KeySubscriptions subscriptions = new KeySubscriptions();

    @Test
    void queryWithSubscribeTrueSubscribesAndFalseUnsubscribes() {
        subscriptions.apply(NODE, new KeyQuery(SPIME, KeyQuery.Subscription.SUBSCRIBE));
        subscriptions.apply(TOOL, new KeyQuery(SPIME, KeyQuery.Subscription.SUBSCRIBE));
        subscriptions.apply(TOOL, KeyQuery.of(SPIME));
        assertThat(subscriptions.subscribersOf(SPIME)).containsExactlyInAnyOrder(NODE, TOOL);

        subscriptions.apply(TOOL, new KeyQuery(SPIME, KeyQuery.Subscription.UNSUBSCRIBE));
        assertThat(subscriptions.subscribersOf(SPIME)).containsExactly(NODE);
    }

    @Test
    void endingASessionDropsAllItsSubscriptions() {
        subscriptions.subscribe(NODE, SPIME);
        subscriptions.subscribe(NODE, TOOL);
        subscriptions.subscribe(TOOL, SPIME);

        subscriptions.unsubscribeAll(NODE);

        assertThat(subscriptions.subscribersOf(SPIME)).containsExactly(TOOL);
        assertThat(subscriptions.subscribersOf(TOOL)).isEmpty();
    }
}
