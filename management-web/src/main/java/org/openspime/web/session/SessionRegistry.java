package org.openspime.web.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openspime.web.operator.Secrets;

/**
 * Signed-in sessions, each ending after an idle period or an absolute lifetime, whichever comes first.
 * Expired sessions are dropped when looked up and swept when new ones are made, so the map cannot grow
 * without bound between sign-ins.
 */
public final class SessionRegistry {

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;

    public SessionRegistry(Clock clock, Duration idle, Duration lifetime) {
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** A new session with a fresh id, never reusing one the browser had before (no fixation). */
    public ConsoleSession open(String operator) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        ConsoleSession session = new ConsoleSession(Secrets.random(32), operator, Secrets.random(32), now);
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<ConsoleSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        ConsoleSession session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private boolean expired(ConsoleSession s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.created().plus(lifetime));
    }
}
