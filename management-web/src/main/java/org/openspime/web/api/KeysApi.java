package org.openspime.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.key.KeyService;

/** {@code GET /api/keys?jid=...} lists an entity's keys; {@code POST /api/keys/revoke} takes {@code {"jid","fingerprint","reason"}}. */
public final class KeysApi extends HttpServlet {

    private final KeyService keys;

    public KeysApi(KeyService keys) {
        this.keys = keys;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            ApiResponses.ok(resp, 200, Map.of("keys", keys.keysOf(req.getParameter("jid")).stream().map(Views::key).toList()));
        } catch (IdentityRefused e) {
            ApiResponses.refused(resp, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/revoke".equals(req.getPathInfo())) {
            ApiResponses.error(resp, 404, "no_such_action", "Use POST /api/keys/revoke.");
            return;
        }
        JsonNode body = ApiResponses.body(req, resp);
        if (body == null) {
            return;
        }
        try {
            keys.revoke(ApiGuard.actor(req), ApiResponses.text(body, "jid"), ApiResponses.text(body, "fingerprint"),
                    ApiResponses.text(body, "reason"));
            ApiResponses.ok(resp, 200, Map.of("revoked", ApiResponses.text(body, "fingerprint")));
        } catch (IdentityRefused e) {
            ApiResponses.refused(resp, e);
        }
    }
}
