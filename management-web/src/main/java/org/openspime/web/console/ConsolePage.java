package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.openspime.web.identity.Actor;
import org.openspime.web.session.ConsoleSession;
import org.openspime.web.session.CsrfGuard;

/**
 * Base of the signed-in pages. {@link ConsoleGuard} has already checked the session and, for a POST, the
 * CSRF token before any subclass runs, so a page cannot forget either.
 */
abstract class ConsolePage extends HttpServlet {

    static final String SESSION_ATTRIBUTE = "org.openspime.web.console.session";
    static final int PAGE_SIZE = 25;

    protected final ConsoleServices services;

    ConsolePage(ConsoleServices services) {
        this.services = services;
    }

    static ConsoleSession session(HttpServletRequest req) {
        return (ConsoleSession) req.getAttribute(SESSION_ATTRIBUTE);
    }

    static Actor actor(HttpServletRequest req) {
        return new Actor(session(req).operator(), req.getRemoteAddr(), "console");
    }

    static Html csrfField(HttpServletRequest req) {
        return html("<input type=\"hidden\" name=\"{}\" value=\"{}\">", CsrfGuard.FIELD, session(req).csrfToken());
    }

    static String param(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null ? "" : v.trim();
    }

    static int intParam(HttpServletRequest req, String name, int fallback) {
        try {
            return Integer.parseInt(param(req, name));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static void show(HttpServletRequest req, HttpServletResponse resp, int status, String title, String nav, Html body)
            throws IOException {
        ConsoleSession session = session(req);
        Optional<String> flash = session.takeFlash();
        write(resp, status, Layout.page(title, nav, session, flash, body));
    }

    static void write(HttpServletResponse resp, int status, Html page) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        // Pages may carry one-time passwords and tokens: never keep them in a cache or the back button.
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(page.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Post-redirect-get: a reload after an action must not repeat it. */
    static void seeOther(HttpServletResponse resp, String location) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", location);
    }

    static Html error(String message) {
        return html("<div class=\"error\" role=\"alert\">{}</div>", message);
    }
}
