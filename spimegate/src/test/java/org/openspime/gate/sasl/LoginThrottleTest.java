package org.openspime.gate.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void failuresSlideOutOfTheWindow() {
        AtomicLong now = new AtomicLong(0);
        LoginThrottle t = new LoginThrottle(2, Duration.ofSeconds(10), now::get);
        var alice = EntityImpl.parseUnchecked("alice@gate.example");
        t.recordFailure("10.0.0.1", alice);
        now.set(5_000);
        t.recordFailure("10.0.0.1", null);
        assertThat(t.isBlocked("10.0.0.1", null)).isTrue();
        assertThat(t.isBlocked("10.0.0.2", alice)).isFalse();
        now.set(10_001);
        assertThat(t.isBlocked("10.0.0.1", null)).isFalse();
    }
}
