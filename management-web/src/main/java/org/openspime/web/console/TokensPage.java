package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.operator.OperatorAccounts;

/**
 * {@code /console/tokens}: the signed-in operator's API tokens. A new token's secret is shown in the POST
 * response only; afterwards the gate holds just its hash.
 */
final class TokensPage extends ConsolePage {

    TokensPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        page(req, resp, Html.empty());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String operator = session(req).operator();
        if ("/revoke".equals(req.getPathInfo())) {
            String id = param(req, "id");
            if (services.operators().revokeToken(operator, id)) {
                audit(req, "token.revoke", id);
                session(req).flash("Token " + id + " is revoked.");
            }
            seeOther(resp, "/console/tokens");
            return;
        }
        OperatorAccounts.IssuedToken issued = services.operators().createToken(operator, param(req, "label"));
        audit(req, "token.create", issued.token().id());
        page(req, resp, Display.secret("API token " + issued.token().label(), issued.secret()));
    }

    private void audit(HttpServletRequest req, String action, String id) {
        services.audit().record(new AuditEntry(services.clock().instant(), session(req).operator(), action,
                "token " + id, "", req.getRemoteAddr(), "console"));
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, Html secret) throws IOException {
        Html csrf = csrfField(req);
        var tokens = services.operators().tokensOf(session(req).operator());
        Html rows = tokens.isEmpty()
                ? html("<tr><td colspan=\"4\" class=\"empty\">You have no API token.</td></tr>")
                : Html.each(tokens, t -> html("""
                        <tr><td data-label="Label">{}</td><td data-label="Id"><code>{}</code></td><td data-label="Created">{}</td>
                        <td><form method="post" action="/console/tokens/revoke" class="inline">{}<input type="hidden" name="id" value="{}">
                        <button type="submit" class="button danger">Revoke</button></form></td></tr>
                        """, t.label(), t.id(), Display.when(t.created()), csrf, t.id()));
        show(req, resp, 200, "API tokens", "/console/tokens", html("""
                {}
                <p>Scripts call the JSON API under <code>/api/</code> with <code>Authorization: Bearer &lt;token&gt;</code>,
                acting as you; every call is in the audit log.</p>
                <form method="post" action="/console/tokens" class="filters">{}
                  <input name="label" placeholder="What the token is for" aria-label="Label" required maxlength="100">
                  <button type="submit" class="button primary">Create token</button>
                </form>
                <div class="table-wrap"><table class="list">
                <thead><tr><th>Label</th><th>Id</th><th>Created</th><th></th></tr></thead>
                <tbody>{}</tbody></table></div>
                """, secret, csrf, rows));
    }
}
