package org.openspime.web.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

    public static String read(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName())) {
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
