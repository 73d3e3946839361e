package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.operator.Operator;
import org.openspime.web.session.ConsoleSession;
import org.openspime.web.session.CsrfGuard;
import org.openspime.web.session.SessionCookie;

/**
 * {@code /sign-in}. There is no session yet to hold a CSRF token, so the form uses a double-submit token: the
 * GET sets it in a SameSite=Strict cookie and in a hidden field, and the POST needs both to match. Another
 * site cannot read the cookie nor make the browser send it, so it cannot sign a browser into the attacker's
 * account. Failures say only "wrong name or password", whichever was wrong.
 */
final class SignInPage extends HttpServlet {

    private final ConsoleServices services;

    SignInPage(ConsoleServices services) {
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        form(req, resp, 200, "", Html.empty());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = ConsolePage.param(req, "operator");
        String password = req.getParameter("password");
        String from = req.getRemoteAddr();
        if (!SessionCookie.signInTokenMatches(req, req.getParameter(CsrfGuard.FIELD))) {
            form(req, resp, 403, name, ConsolePage.error("The sign-in form expired. Please try again."));
            return;
        }
        Duration wait = services.throttle().waitFor(name, from);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds());
            resp.setHeader("Retry-After", String.valueOf(seconds));
            audit(name, "operator.sign-in-throttled", from);
            form(req, resp, 429, name, ConsolePage.error("Too many failed sign-ins. Try again in " + seconds + " s."));
            return;
        }
        Optional<Operator> operator = services.operators().authenticate(name, password);
        if (operator.isEmpty()) {
            services.throttle().failed(name, from);
            audit(name, "operator.sign-in-failed", from);
            form(req, resp, 401, name, ConsolePage.error("Wrong operator name or password."));
            return;
        }
        services.throttle().succeeded(name, from);
        services.sessions().close(SessionCookie.read(req));
        ConsoleSession session = services.sessions().open(operator.get().name());
        SessionCookie.write(req, resp, session.id());
        audit(operator.get().name(), "operator.sign-in", from);
        ConsolePage.seeOther(resp, "/console/");
    }

    private void audit(String who, String action, String from) {
        services.audit().record(new AuditEntry(services.clock().instant(), who, action, "", "", from, "console"));
    }

    private static void form(HttpServletRequest req, HttpServletResponse resp, int status, String name, Html message)
            throws IOException {
        String token = SessionCookie.issueSignInToken(req, resp);
        ConsolePage.write(resp, status, Layout.plain("Sign in", html("""
                <h1>Sign in</h1>
                {}
                <form method="post" action="/sign-in" class="stack">
                  <input type="hidden" name="{}" value="{}">
                  <label>Operator <input name="operator" value="{}" autocomplete="username" required autofocus></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <button type="submit" class="button primary">Sign in</button>
                </form>
                """, message, CsrfGuard.FIELD, token, name)));
    }
}
