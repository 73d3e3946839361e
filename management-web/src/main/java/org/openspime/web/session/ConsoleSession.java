package org.openspime.web.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Generated credentials of a bulk import, downloadable once, keyed by batch id. */
    private final Map<String, byte[]> oneTimeDownloads = new ConcurrentHashMap<>();

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

    public void offerDownload(String batch, byte[] content) {
        oneTimeDownloads.put(batch, content);
    }

    /** Returns the download and forgets it, so generated passwords can be fetched only once. */
    public Optional<byte[]> takeDownload(String batch) {
        return Optional.ofNullable(oneTimeDownloads.remove(batch));
    }
}
