package org.openspime.gate.sasl;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.vysper.xmpp.addressing.Entity;
import org.openspime.gate.config.GateConfig;

/**
 * Slows password guessing: after {@code maxFailures} failed authentications within a sliding window against one
 * account, or {@value #ADDRESS_FACTOR} times as many from one remote address, further attempts on that account
 * or from that address are refused until old failures leave the window.
 *
 * <p>An address gets a larger allowance than an account because many devices share one: spimes behind a NAT,
 * a bridge relaying for dozens of radio devices. One misconfigured device must not lock its neighbours out.
 *
 * <p>Counting per account too matters because a botnet guesses one account from many addresses. The price is
 * that someone can lock a known account out for a window by failing on purpose; a short window keeps that cheap
 * to survive, and the operator sees it in the failure counts.
 *
 * <p>Thread-safe: one deque of failure times per key, each guarded by its own lock, in a concurrent map that is
 * swept of idle keys every few hundred calls so that scanning addresses cannot grow it without bound.
 */
public final class LoginThrottle {
    private static final int SWEEP_EVERY = 256;
    /** How many more failures an address may have than an account. */
    public static final int ADDRESS_FACTOR = 20;

    private final int maxFailures;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** Uses {@code maxAuthFailures} and {@code authWindowSeconds} of the gate's limits. */
    public LoginThrottle(GateConfig.Limits limits) {
        this(limits.maxAuthFailures(), Duration.ofSeconds(limits.authWindowSeconds()), System::currentTimeMillis);
    }

    public LoginThrottle(int maxFailures, Duration window, LongSupplier clockMillis) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.clock = clockMillis;
    }

    /** Whether an attempt from {@code address} (may be null) on {@code account} (may be null) is refused now. */
    public boolean isBlocked(String address, Entity account) {
        long now = clock.getAsLong();
        maybeSweep(now);
        return (address != null && count(addressKey(address), now) >= maxFailures * ADDRESS_FACTOR)
                || (account != null && count(accountKey(account), now) >= maxFailures);
    }

    /** Records a failed authentication. */
    public void recordFailure(String address, Entity account) {
        long now = clock.getAsLong();
        if (address != null) {
            add(addressKey(address), now);
        }
        if (account != null) {
            add(accountKey(account), now);
        }
        maybeSweep(now);
    }

    private int count(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            return times.size();
        }
    }

    private void add(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            // Only the newest maxFailures matter for the decision.
            while (times.size() > maxFailures * ADDRESS_FACTOR) {
                times.removeFirst();
            }
        }
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
    }

    private void maybeSweep(long now) {
        if (calls.incrementAndGet() % SWEEP_EVERY != 0) {
            return;
        }
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }

    private static String accountKey(Entity account) {
        return "acct:" + account.getBareJID().getFullQualifiedName().toLowerCase(Locale.ROOT);
    }
}
