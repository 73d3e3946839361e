package org.openspime.web.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openspime.web.audit.AuditListing;
import org.openspime.web.audit.AuditLog;
import org.openspime.web.audit.AuditQuery;

/** {@code GET /api/audit?who=&action=&target=&since=&until=&offset=&limit=}, times as ISO-8601 instants. */
public final class AuditApi extends HttpServlet {

    private final AuditLog audit;

    public AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Instant> since;
        Optional<Instant> until;
        try {
            since = instant(req.getParameter("since"));
            until = instant(req.getParameter("until"));
        } catch (DateTimeParseException e) {
            ApiResponses.error(resp, 400, "bad_time", "since and until are ISO-8601 instants, e.g. 2025-01-31T12:00:00Z.");
            return;
        }
        AuditListing listing = audit.query(new AuditQuery(req.getParameter("who"), req.getParameter("action"),
                req.getParameter("target"), since, until, number(req.getParameter("offset"), 0),
                number(req.getParameter("limit"), 100)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", listing.entries().stream().map(Views::audit).toList());
        body.put("total", listing.total());
        ApiResponses.ok(resp, 200, body);
    }

    private static Optional<Instant> instant(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Instant.parse(text.trim()));
    }

    private static int number(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
