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
import org.openspime.web.session.SessionCookie;

/**
 * {@code /sign-in}. The form needs no CSRF token because it changes nothing until the password is right,
 * and a forged sign-in (into the attacker's account) is blocked by SameSite=Strict and by the new session
 * id issued on success. Failures say only "wrong name or password", whichever was wrong.
 */
final class SignInPage extends HttpServlet {

    private final ConsoleServices services;

    SignInPage(ConsoleServices services) {
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        form(resp, 200, "", Html.empty());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = ConsolePage.param(req, "operator");
        String password = req.getParameter("password");
        String from = req.getRemoteAddr();
        Duration wait = services.throttle().waitFor(name, from);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds());
            resp.setHeader("Retry-After", String.valueOf(seconds));
            audit(name, "operator.sign-in-throttled", from);
            form(resp, 429, name, ConsolePage.error("Too many failed sign-ins. Try again in " + seconds + " s."));
            return;
        }
        Optional<Operator> operator = services.operators().authenticate(name, password);
        if (operator.isEmpty()) {
            services.throttle().failed(name, from);
            audit(name, "operator.sign-in-failed", from);
            form(resp, 401, name, ConsolePage.error("Wrong operator name or password."));
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

    private static void form(HttpServletResponse resp, int status, String name, Html message) throws IOException {
        ConsolePage.write(resp, status, Layout.plain("Sign in", html("""
                <h1>Sign in</h1>
                {}
                <form method="post" action="/sign-in" class="stack">
                  <label>Operator <input name="operator" value="{}" autocomplete="username" required autofocus></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <button type="submit" class="button primary">Sign in</button>
                </form>
                """, message, name)));
    }
}
