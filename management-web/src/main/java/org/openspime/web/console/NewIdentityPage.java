package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IssuedIdentity;

/**
 * {@code /console/identities/new}: issue one SpimeID, SNID or ServID. The result is rendered straight from
 * the POST rather than redirected, because the generated password must not be kept anywhere — not even in
 * the session — to survive a redirect.
 */
final class NewIdentityPage extends ConsolePage {

    NewIdentityPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        form(req, resp, 200, Html.empty(), Optional.of(IdentityKind.SPIME), "", "", true);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<IdentityKind> kind = IdentityKind.parse(param(req, "kind"));
        String jid = param(req, "jid");
        String description = param(req, "description");
        boolean wantPassword = "yes".equals(param(req, "password"));
        if (kind.isEmpty()) {
            form(req, resp, 400, error("Choose the kind of identity."), kind, jid, description, wantPassword);
            return;
        }
        IssuedIdentity issued;
        try {
            issued = services.identities().create(actor(req), kind.get(), jid, description, wantPassword);
        } catch (IdentityRefused e) {
            form(req, resp, e.reason() == IdentityRefused.Reason.DUPLICATE ? 409 : 400, error(e.getMessage()),
                    kind, jid, description, wantPassword);
            return;
        }
        Html secret = issued.password().map(p -> Display.secret("Password for " + issued.identity().jid(), p))
                .orElse(html("<p>No password: this identity authenticates with its key only.</p>"));
        show(req, resp, 201, "Identity issued", "/console/identities", html("""
                <div class="card">
                <p>{} <a class="jid" href="{}">{}</a> is issued and active.</p>
                {}
                <p class="actions"><a class="button" href="/console/identities/new">Issue another</a>
                <a class="button primary" href="{}">Open identity</a></p>
                </div>
                """, Display.kind(issued.identity().kind()), Display.identityLink(issued.identity().jid()),
                issued.identity().jid(), secret, Display.identityLink(issued.identity().jid())));
    }

    private void form(HttpServletRequest req, HttpServletResponse resp, int status, Html message,
            Optional<IdentityKind> kind, String jid, String description, boolean wantPassword) throws IOException {
        show(req, resp, status, "New identity", "/console/identities", html("""
                {}
                <form method="post" action="/console/identities/new" class="card stack">
                  {}
                  <label>Kind <select name="kind" required>{}</select></label>
                  <label>JID <input name="jid" value="{}" required placeholder="4A6B-5638@gate.example/spime"
                    autocomplete="off" spellcheck="false"></label>
                  <p class="hint">SpimeIDs and SNIDs are full JIDs (name@domain/resource); a ServID may be bare.</p>
                  <label>Description <textarea name="description" rows="3" maxlength="1000">{}</textarea></label>
                  <label class="check"><input type="checkbox" name="password" value="yes"{}> Generate a password
                    (leave unticked for a key-only identity)</label>
                  <div class="actions"><a class="button" href="/console/identities">Cancel</a>
                  <button type="submit" class="button primary">Issue identity</button></div>
                </form>
                """, message, csrfField(req), IdentitiesPage.kindOptions(kind), jid, description,
                wantPassword ? html(" checked") : Html.empty()));
    }
}
