package org.openspime.web.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The synchronizer-token check: a state-changing form must echo its session's token in the {@value #FIELD}
 * field. SameSite=Strict already keeps the cookie off cross-site requests; the token is the second lock,
 * for browsers and proxies that do not honour it.
 */
public final class CsrfGuard {

    public static final String FIELD = "csrf";

    private CsrfGuard() {
    }

    public static boolean accepts(ConsoleSession session, String presented) {
        return presented != null && MessageDigest.isEqual(
                session.csrfToken().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
