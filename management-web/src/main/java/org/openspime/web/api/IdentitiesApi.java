package org.openspime.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openspime.web.bulk.CsvIdentityImport;
import org.openspime.web.bulk.RowOutcome;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityListing;
import org.openspime.web.identity.IdentityQuery;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityService;
import org.openspime.web.identity.IdentityState;
import org.openspime.web.identity.IssuedIdentity;

/**
 * {@code GET /api/identities} lists (parameters {@code kind, state, q, offset, limit}); {@code POST
 * /api/identities} issues one from {@code {"kind","jid","description","password": true|false}}; {@code POST
 * /api/identities/bulk} takes a CSV body and answers the per-row report.
 */
public final class IdentitiesApi extends HttpServlet {

    private final IdentityService identities;
    private final long maxUploadBytes;
    private final int maxUploadRows;

    public IdentitiesApi(IdentityService identities, long maxUploadBytes, int maxUploadRows) {
        this.identities = identities;
        this.maxUploadBytes = maxUploadBytes;
        this.maxUploadRows = maxUploadRows;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int offset = intParam(req, "offset", 0);
        int limit = intParam(req, "limit", 50);
        IdentityQuery query = new IdentityQuery(IdentityKind.parse(req.getParameter("kind")),
                IdentityState.parse(req.getParameter("state")), req.getParameter("q"), offset, limit);
        IdentityListing listing = identities.list(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identities", listing.identities().stream().map(Views::identity).toList());
        body.put("total", listing.total());
        body.put("offset", query.offset());
        body.put("limit", query.limit());
        ApiResponses.ok(resp, 200, body);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if ("/bulk".equals(path)) {
            bulk(req, resp);
            return;
        }
        if (!"/".equals(path)) {
            ApiResponses.error(resp, 404, "no_such_action", "POST to /api/identities or /api/identities/bulk.");
            return;
        }
        JsonNode body = ApiResponses.body(req, resp);
        if (body == null) {
            return;
        }
        Optional<IdentityKind> kind = IdentityKind.parse(ApiResponses.text(body, "kind"));
        if (kind.isEmpty()) {
            ApiResponses.error(resp, 400, "wrong_kind", "kind must be spime, scopenode or service.");
            return;
        }
        boolean wantPassword = !body.has("password") || body.get("password").asBoolean(true);
        try {
            IssuedIdentity issued = identities.create(ApiGuard.actor(req), kind.get(), ApiResponses.text(body, "jid"),
                    ApiResponses.text(body, "description"), wantPassword);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("identity", Views.identity(issued.identity()));
            issued.password().ifPresent(p -> out.put("password", p));
            ApiResponses.ok(resp, 201, out);
        } catch (IdentityRefused e) {
            ApiResponses.refused(resp, e);
        }
    }

    private void bulk(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] bytes = req.getInputStream().readNBytes((int) maxUploadBytes + 1);
        if (bytes.length > maxUploadBytes) {
            ApiResponses.error(resp, 413, "too_large", "The CSV is larger than " + maxUploadBytes / 1024
                    + " KiB; split it and send the parts.");
            return;
        }
        try {
            List<RowOutcome> rows = new CsvIdentityImport(identities, maxUploadRows)
                    .run(ApiGuard.actor(req), new String(bytes, StandardCharsets.UTF_8));
            long issued = rows.stream().filter(RowOutcome::issued).count();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("issued", issued);
            out.put("refused", rows.size() - issued);
            out.put("rows", rows.stream().map(Views::row).toList());
            ApiResponses.ok(resp, 200, out);
        } catch (IdentityRefused e) {
            ApiResponses.refused(resp, e);
        }
    }

    private static int intParam(HttpServletRequest req, String name, int fallback) {
        try {
            return Integer.parseInt(req.getParameter(name));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
