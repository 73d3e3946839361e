package org.openspime.web.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openspime.web.identity.Actor;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityService;

/**
 * One identity, named by the {@code jid} query parameter (full JIDs contain a slash, so not a path segment):
 * {@code GET} and {@code DELETE /api/identity?jid=...}, {@code POST /api/identity/disable|enable|reset-password?jid=...}.
 */
public final class IdentityApi extends HttpServlet {

    private final IdentityService identities;

    public IdentityApi(IdentityService identities) {
        this.identities = identities;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String jid = req.getParameter("jid");
        var found = identities.show(jid);
        if (found.isEmpty()) {
            ApiResponses.error(resp, 404, "not_found", "No identity " + jid + " is registered on this gate.");
            return;
        }
        ApiResponses.ok(resp, 200, Views.identity(found.get()));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            identities.delete(ApiGuard.actor(req), req.getParameter("jid"));
            resp.setStatus(204);
        } catch (IdentityRefused e) {
            ApiResponses.refused(resp, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String jid = req.getParameter("jid");
        Actor actor = ApiGuard.actor(req);
        String action = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            switch (action) {
                case "/disable" -> identities.disable(actor, jid);
                case "/enable" -> identities.enable(actor, jid);
                case "/reset-password" -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("jid", jid);
                    out.put("password", identities.resetPassword(actor, jid));
                    ApiResponses.ok(resp, 200, out);
                    return;
                }
                default -> {
                    ApiResponses.error(resp, 404, "no_such_action", "Use disable, enable or reset-password.");
                    return;
                }
            }
            ApiResponses.ok(resp, 200, Views.identity(identities.show(jid).orElseThrow()));
        } catch (IdentityRefused e) {
            ApiResponses.refused(resp, e);
        }
    }
}
