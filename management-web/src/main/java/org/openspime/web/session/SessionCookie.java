package org.openspime.web.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.openspime.web.operator.Secrets;

/**
 * The console's session cookie. Written by hand as a header because the flags are the point: HttpOnly so
 * scripts cannot read it, SameSite=Strict so no other site can make the browser send it, Secure whenever
 * the request came over TLS, and no Max-Age so it dies with the browser.
 */
public final class SessionCookie {

    /** The {@code __Host-} prefix would be better but requires TLS; the name is the same either way. */
    public static final String NAME = "openspime_console";

    private SessionCookie() {
    }

    /** The pre-session token of the sign-in form (see the sign-in page for why it is needed). */
    static final String SIGN_IN = "openspime_sign_in";

    public static String read(HttpServletRequest req) {
        return value(req, NAME);
    }

    /** Sets a fresh sign-in token cookie and returns the value the form must echo. */
    public static String issueSignInToken(HttpServletRequest req, HttpServletResponse resp) {
        String token = Secrets.random(24);
        resp.addHeader("Set-Cookie", SIGN_IN + "=" + token + "; Path=/sign-in; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : ""));
        return token;
    }

    public static boolean signInTokenMatches(HttpServletRequest req, String presented) {
        String expected = value(req, SIGN_IN);
        return expected != null && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    public static void write(HttpServletRequest req, HttpServletResponse resp, String sessionId) {
        resp.addHeader("Set-Cookie", NAME + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : ""));
    }

    public static void clear(HttpServletRequest req, HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : ""));
    }
}
