package org.openspime.web.session;

import java.time.Instant;
import java.util.Optional;

/**
 * One operator's signed-in browser. The CSRF token is per session (not per form) so that several tabs
 * work; it is compared in constant time by {@link CsrfGuard}.
 */
public final class ConsoleSession {

    private final String id;
    private final String operator;
    private final String csrfToken;
    private final Instant created;
    private volatile Instant lastSeen;
    private volatile String flash;

    ConsoleSession(String id, String operator, String csrfToken, Instant created) {
        this.id = id;
        this.operator = operator;
        this.csrfToken = csrfToken;
        this.created = created;
        this.lastSeen = created;
    }

    public String id() {
        return id;
    }

    public String operator() {
        return operator;
    }

    public String csrfToken() {
        return csrfToken;
    }

    Instant created() {
        return created;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    /** Leaves a message for the next page this session sees (post-redirect-get). */
    public void flash(String message) {
        flash = message;
    }

    public Optional<String> takeFlash() {
        String f = flash;
        flash = null;
        return Optional.ofNullable(f);
    }
}
