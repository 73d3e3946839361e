package org.openspime.gate.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(2, Duration.ofSeconds(10), now::get);
    private final Entity alice = EntityImpl.parseUnchecked("alice@gate.example");
    private final Entity bob = EntityImpl.parseUnchecked("bob@gate.example");

    @Test
    void accountIsBlockedAfterItsFailuresFromAnyAddress() {
        throttle.recordFailure("10.0.0.1", alice);
        throttle.recordFailure("10.0.0.2", alice);
        assertThat(throttle.isBlocked("10.0.0.3", alice)).isTrue();
        assertThat(throttle.isBlocked("10.0.0.1", bob)).as("other accounts behind the address still log in")
                .isFalse();
    }

    @Test
    void addressIsBlockedOnlyAfterManyMoreFailures() {
        for (int i = 0; i < 2 * LoginThrottle.ADDRESS_FACTOR - 1; i++) {
            throttle.recordFailure("10.0.0.1", null);
        }
        assertThat(throttle.isBlocked("10.0.0.1", bob)).isFalse();
        throttle.recordFailure("10.0.0.1", null);
        assertThat(throttle.isBlocked("10.0.0.1", bob)).isTrue();
        assertThat(throttle.isBlocked("10.0.0.2", bob)).isFalse();
    }

    @Test
    void failuresSlideOutOfTheWindow() {
        throttle.recordFailure("10.0.0.1", alice);
        throttle.recordFailure("10.0.0.1", alice);
        assertThat(throttle.isBlocked("10.0.0.9", alice)).isTrue();
        now.addAndGet(10_001);
        assertThat(throttle.isBlocked("10.0.0.9", alice)).isFalse();
    }
}
