package org.openspime.web;

import java.time.Clock;
import java.time.Duration;
import org.openspime.web.operator.PasswordHashing;

/**
 * Tunables of the console, with defaults fit for production. Tests pass a movable clock and a cheap hash
 * cost; an operator changes the others through the gate's configuration.
 *
 * @param sessionIdle        a session ends after this long without a request
 * @param sessionLifetime    and in any case this long after sign-in
 * @param signInAttempts     failed sign-ins per name or address before the throttle locks
 * @param firstLock          the first lock period; it doubles with each further failure, up to 15 minutes
 * @param passwordIterations PBKDF2 cost for new operator password hashes
 * @param maxUploadBytes     largest CSV accepted for bulk import
 * @param maxUploadRows      most rows accepted in one bulk import
 */
public record ConsoleSettings(
        Clock clock,
        Duration sessionIdle,
        Duration sessionLifetime,
        int signInAttempts,
        Duration firstLock,
        int passwordIterations,
        long maxUploadBytes,
        int maxUploadRows) {

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofHours(8), 5,
                Duration.ofSeconds(30), PasswordHashing.DEFAULT_ITERATIONS, 2 * 1024 * 1024, 10_000);
    }

    public ConsoleSettings withClock(Clock c) {
        return new ConsoleSettings(c, sessionIdle, sessionLifetime, signInAttempts, firstLock, passwordIterations,
                maxUploadBytes, maxUploadRows);
    }

    public ConsoleSettings withPasswordIterations(int n) {
        return new ConsoleSettings(clock, sessionIdle, sessionLifetime, signInAttempts, firstLock, n,
                maxUploadBytes, maxUploadRows);
    }

    public ConsoleSettings withUploadLimits(long bytes, int rows) {
        return new ConsoleSettings(clock, sessionIdle, sessionLifetime, signInAttempts, firstLock, passwordIterations,
                bytes, rows);
    }
}
