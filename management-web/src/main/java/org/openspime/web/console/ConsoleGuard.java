package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openspime.web.session.ConsoleSession;
import org.openspime.web.session.CsrfGuard;
import org.openspime.web.session.SessionCookie;
import org.openspime.web.session.SessionRegistry;

/**
 * In front of every {@code /console/*} page: no session, no page (a GET goes to the sign-in form, anything
 * else is refused), and no state change without the session's CSRF token. Only GET and HEAD pass without
 * a token, which is why no page changes state on GET.
 */
final class ConsoleGuard extends HttpFilter {

    private final SessionRegistry sessions;
    private final long maxUploadBytes;

    ConsoleGuard(SessionRegistry sessions, long maxUploadBytes) {
        this.sessions = sessions;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        Optional<ConsoleSession> session = sessions.find(SessionCookie.read(req));
        boolean safe = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (session.isEmpty()) {
            if (safe) {
                ConsolePage.seeOther(resp, "/sign-in");
            } else {
                ConsolePage.write(resp, 403, Layout.plain("Signed out", html(
                        "<p class=\"error\">Your session has ended. <a href=\"/sign-in\">Sign in</a> and try again.</p>")));
            }
            return;
        }
        if (!safe) {
            String presented;
            try {
                presented = req.getParameter(CsrfGuard.FIELD);
            } catch (RuntimeException unreadable) {
                // Jetty reports a multipart body over the servlet's limit as a "bad multipart" whose cause is
                // the size check; say plainly which it was rather than showing Jetty's error page.
                boolean tooLarge = req.getContentLengthLong() > maxUploadBytes || causedBySize(unreadable);
                ConsolePage.write(resp, tooLarge ? 413 : 400, Layout.page(tooLarge ? "Upload too large" : "Unreadable form",
                        "/console/bulk", session.get(), Optional.empty(), ConsolePage.error(tooLarge
                                ? "The file is larger than the " + (maxUploadBytes / 1024)
                                        + " KiB an upload may be. Split it and upload the parts."
                                : "The form could not be read. Reload the page and try again.")));
                return;
            }
            if (!CsrfGuard.accepts(session.get(), presented)) {
                ConsolePage.write(resp, 403, Layout.plain("Form expired", html(
                        "<p class=\"error\">This form was not issued by your current session, so nothing was changed. "
                                + "<a href=\"/console/\">Reload the console</a> and try again.</p>")));
                return;
            }
        }
        req.setAttribute(ConsolePage.SESSION_ATTRIBUTE, session.get());
        chain.doFilter(req, resp);
    }

    private static boolean causedBySize(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalStateException && String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("size")) {
                return true;
            }
        }
        return false;
    }
}
