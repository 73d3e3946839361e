package org.openspime.gate.federation.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-peer inbound rate: a burst of five seconds' worth, then the sustained rate, per domain. */
class PeerRateLimitTest {

    @Test
    void aPeerGetsFiveSecondsWorthAtOnceThenIsRefusedWhileOthersAreNot() {
        PeerRateLimit limit = new PeerRateLimit(10);
        int accepted = 0;
        for (int i = 0; i < 100; i++) {
            if (limit.tryAcquire("a.test")) {
                accepted++;
            }
        }
        assertThat(accepted).isBetween(50, 51);
        assertThat(limit.tryAcquire("b.test")).isTrue();
    }

    @Test
    void zeroMeansUnlimited() {
        PeerRateLimit limit = new PeerRateLimit(0);
        for (int i = 0; i < 100_000; i++) {
            assertThat(limit.tryAcquire("a.test")).isTrue();
        }
    }
}
