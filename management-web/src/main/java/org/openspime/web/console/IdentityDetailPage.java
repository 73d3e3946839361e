package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityState;
import org.openspime.web.identity.IdentityView;

/**
 * {@code /console/identity?jid=...} shows one identity; POSTs to {@code /console/identity/disable},
 * {@code enable}, {@code reset-password} and {@code delete} act on it. The JID travels as a parameter, not
 * a path segment, because full JIDs contain a slash.
 */
final class IdentityDetailPage extends ConsolePage {

    IdentityDetailPage(ConsoleServices services) {
        super(services);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<IdentityView> found = services.identities().show(param(req, "jid"));
        if (found.isEmpty()) {
            show(req, resp, 404, "No such identity", "/console/identities",
                    error("No identity " + param(req, "jid") + " is registered on this gate."));
            return;
        }
        page(req, resp, 200, found.get(), Html.empty());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String jid = param(req, "jid");
        String action = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            switch (action) {
                case "/disable" -> {
                    services.identities().disable(actor(req), jid);
                    session(req).flash(jid + " is disabled; its sessions were ended.");
                }
                case "/enable" -> {
                    services.identities().enable(actor(req), jid);
                    session(req).flash(jid + " is enabled.");
                }
                case "/reset-password" -> {
                    String password = services.identities().resetPassword(actor(req), jid);
                    IdentityView view = services.identities().show(jid).orElseThrow();
                    page(req, resp, 200, view, Display.secret("New password for " + jid, password));
                    return;
                }
                case "/delete" -> {
                    if (!"yes".equals(param(req, "confirm"))) {
                        session(req).flash("Tick the confirmation to delete " + jid + ".");
                        seeOther(resp, Display.identityLink(jid));
                        return;
                    }
                    services.identities().delete(actor(req), jid);
                    session(req).flash(jid + " is deleted.");
                    seeOther(resp, "/console/identities");
                    return;
                }
                default -> {
                    resp.sendError(404);
                    return;
                }
            }
        } catch (IdentityRefused e) {
            show(req, resp, e.reason() == IdentityRefused.Reason.NOT_FOUND ? 404 : 400, "Not done",
                    "/console/identities", error(e.getMessage()));
            return;
        }
        seeOther(resp, Display.identityLink(jid));
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, int status, IdentityView i, Html secret)
            throws IOException {
        Html csrf = csrfField(req);
        Html toggle = i.state() == IdentityState.ACTIVE
                ? html("<form method=\"post\" action=\"/console/identity/disable\">{}<input type=\"hidden\" name=\"jid\" "
                        + "value=\"{}\"><button type=\"submit\" class=\"button warn\">Disable</button></form>", csrf, i.jid())
                : html("<form method=\"post\" action=\"/console/identity/enable\">{}<input type=\"hidden\" name=\"jid\" "
                        + "value=\"{}\"><button type=\"submit\" class=\"button\">Enable</button></form>", csrf, i.jid());
        show(req, resp, status, i.jid(), "/console/identities", html("""
                {}
                <div class="card">
                <dl class="facts">
                  <dt>JID</dt><dd class="jid">{}</dd>
                  <dt>Kind</dt><dd>{}</dd>
                  <dt>State</dt><dd>{}</dd>
                  <dt>Description</dt><dd class="description">{}</dd>
                  <dt>Created</dt><dd>{}</dd>
                  <dt>Password</dt><dd>{}</dd>
                </dl>
                <div class="actions">
                  {}
                  <form method="post" action="/console/identity/reset-password">{}<input type="hidden" name="jid" value="{}">
                    <button type="submit" class="button">Reset password</button></form>
                  <a class="button" href="/console/keys?jid={}">Keys</a>
                </div>
                </div>
                <form method="post" action="/console/identity/delete" class="card danger-zone">
                  {}<input type="hidden" name="jid" value="{}">
                  <label class="check"><input type="checkbox" name="confirm" value="yes" required>
                    Delete this identity for good; it can no longer log in.</label>
                  <button type="submit" class="button danger">Delete</button>
                </form>
                """, secret, i.jid(), Display.kind(i.kind()), Display.state(i.state()),
                i.description().isEmpty() ? "—" : i.description(), Display.when(i.created()),
                i.hasPassword() ? "set" : "none (key-only)", toggle, csrf, i.jid(), Display.url(i.jid()), csrf, i.jid()));
    }
}
