package org.openspime.web.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openspime.web.status.GateSnapshot;
import org.openspime.web.status.GateStatus;

/** {@code GET /api/status}: the overview's numbers for scripts and dashboards. */
public final class StatusApi extends HttpServlet {

    private final GateStatus status;

    public StatusApi(GateStatus status) {
        this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        GateSnapshot s = status.snapshot();
        Map<String, Object> connected = new LinkedHashMap<>();
        s.connected().forEach((k, v) -> connected.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", s.at().toString());
        body.put("domain", s.domain());
        body.put("connected", connected);
        body.put("stanzasPerSecond", s.stanzasPerSecond());
        body.put("errorsLastMinute", s.errorsLastMinute());
        Map<String, Object> certification = new LinkedHashMap<>();
        certification.put("keysPublished", s.certification().keysPublished());
        certification.put("queriesAnswered", s.certification().queriesAnswered());
        certification.put("revocations", s.certification().revocations());
        body.put("certification", certification);
        body.put("publicScopeNodes", s.publicScopeNodes().stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", n.name());
            m.put("snid", n.snid());
            m.put("description", n.description());
            m.put("online", n.online());
            return m;
        }).toList());
        ApiResponses.ok(resp, 200, body);
    }
}
