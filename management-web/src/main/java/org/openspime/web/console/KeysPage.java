package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.key.KeyState;
import org.openspime.web.key.KeyView;

/** {@code /console/keys?jid=...}: an entity's published keys and attestations; POST {@code /revoke} revokes one. */
final class KeysPage extends ConsolePage {

    KeysPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        page(req, resp, 200, param(req, "jid"), Html.empty());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String jid = param(req, "jid");
        if (!"/revoke".equals(req.getPathInfo())) {
            resp.sendError(404);
            return;
        }
        try {
            services.keys().revoke(actor(req), jid, param(req, "fingerprint"), param(req, "reason"));
        } catch (IdentityRefused e) {
            page(req, resp, 400, jid, error(e.getMessage()));
            return;
        }
        session(req).flash("The key is revoked; subscribers of " + jid + " are told.");
        seeOther(resp, "/console/keys?jid=" + Display.url(jid));
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, String jid, Html message)
            throws IOException {
        List<KeyView> keys;
        boolean listed = true;
        try {
            keys = services.keys().keysOf(jid);
        } catch (IdentityRefused e) {
            // e.g. a malformed JID, or a gate without a certification service: say so on the page
            keys = List.of();
            listed = false;
            message = html("{}{}", message, error(e.getMessage()));
            status = status == 200 ? 400 : status;
        }
        Html csrf = csrfField(req);
        Html rows = keys.isEmpty()
                ? html("<tr><td colspan=\"6\" class=\"empty\">{}</td></tr>",
                        jid.isEmpty() ? "Enter a JID to see its keys."
                                : listed ? "No key is published for " + jid + "." : "No keys to show.")
                : Html.each(keys, k -> html("""
                        <tr><td data-label="Fingerprint"><code class="fingerprint">{}</code></td>
                        <td data-label="Key" class="nowrap">{} {}</td><td data-label="Valid" class="nowrap">{} → {}</td>
                        <td data-label="Attested by">{}</td><td data-label="State">{}</td><td>{}</td></tr>
                        """, k.fingerprint(), k.algorithm(), k.bits(), Display.day(k.notBefore()),
                        Display.day(k.notAfter()), k.attestedBy().orElse("not attested"), state(k), revoke(csrf, k)));
        show(req, resp, status, "Keys", "/console/keys", html("""
                {}
                <form method="get" action="/console/keys" class="filters" role="search">
                  <input type="search" name="jid" value="{}" placeholder="JID, e.g. co2node@gate.example/co2" aria-label="JID">
                  <button type="submit" class="button">Show keys</button>
                </form>
                <div class="table-wrap"><table class="list">
                <thead><tr><th>Fingerprint (SHA-256)</th><th>Key</th><th>Validity</th><th>Attested by</th><th>State</th><th></th></tr></thead>
                <tbody>{}</tbody></table></div>
                {}
                """, message, jid, rows, listed && !jid.isEmpty() ? KeyGenerationPage.form(req, jid) : Html.empty()));
    }

    private static Html state(KeyView k) {
        Html badge = html("<span class=\"badge key-{}\">{}</span>", k.state().name().toLowerCase(java.util.Locale.ROOT), k.state().name());
        return k.revoked().map(r -> html("{} <small>{} — {}</small>", badge, Display.when(r.at()), r.reason())).orElse(badge);
    }

    private static Html revoke(Html csrf, KeyView k) {
        if (k.state() == KeyState.REVOKED) {
            return Html.empty();
        }
        return html("""
                <form method="post" action="/console/keys/revoke" class="inline">{}
                <input type="hidden" name="jid" value="{}"><input type="hidden" name="fingerprint" value="{}">
                <input name="reason" placeholder="Reason" aria-label="Reason" required>
                <button type="submit" class="button danger">Revoke</button></form>
                """, csrf, k.jid(), k.fingerprint());
    }
}
