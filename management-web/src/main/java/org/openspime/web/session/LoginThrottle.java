package org.openspime.web.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing at the sign-in form. Failures are counted per operator name and per remote
 * address separately: the name key stops a distributed guess at one account, the address key stops one
 * client trying many names. After {@code allowed} failures a key is locked, for a period that doubles
 * with every further failure up to a cap. A success clears the name and the address.
 *
 * <p>While locked, even the right password is refused, or a guesser could tell a hit from the answer.
 */
public final class LoginThrottle {

    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int allowed;
    private final Duration firstLock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int allowed, Duration firstLock) {
        this.clock = clock;
        this.allowed = allowed;
        this.firstLock = firstLock;
    }

    /** How long the caller must still wait; zero when a sign-in may be tried. */
    public Duration waitFor(String name, String address) {
        Instant now = clock.instant();
        Duration a = remaining(nameKey(name), now);
        Duration b = remaining(addressKey(address), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void failed(String name, String address) {
        Instant now = clock.instant();
        bump(nameKey(name), now);
        bump(addressKey(address), now);
    }

    public void succeeded(String name, String address) {
        failures.remove(nameKey(name));
        failures.remove(addressKey(address));
    }

    private void bump(String key, Instant now) {
        if (failures.size() > MAX_TRACKED) {
            // A spray from many addresses must not grow the map without bound: forget keys not locked now.
            failures.values().removeIf(f -> !now.isBefore(f.lockedUntil));
        }
        failures.compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count + 1;
            Instant until = now;
            if (count >= allowed) {
                long factor = 1L << Math.min(count - allowed, 20);
                Duration lock = firstLock.multipliedBy(factor);
                until = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
            }
            return new Failures(count, until);
        });
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || !now.isBefore(f.lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil);
    }

    private static String nameKey(String name) {
        return "n:" + (name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private record Failures(int count, Instant lockedUntil) {
    }
}
