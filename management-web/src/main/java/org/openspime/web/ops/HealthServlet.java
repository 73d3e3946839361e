package org.openspime.web.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health/live}, {@code /health/ready} and {@code /health}: 200 when healthy, 503 otherwise, with a
 * JSON body naming each readiness check so an operator sees which one failed.
 *
 * <p>Liveness only says the HTTP server answers: if the JVM were wedged this servlet would not run. It
 * deliberately ignores the readiness checks so an orchestrator does not restart a gate whose database is
 * briefly away.
 */
public final class HealthServlet extends HttpServlet {

    private final List<ReadinessCheck> checks;
    private final ObjectMapper json = new ObjectMapper();

    public HealthServlet(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String which = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean healthy;
        switch (which) {
            case "/live" -> {
                body.put("status", "UP");
                healthy = true;
            }
            case "/ready" -> healthy = readiness(body);
            case "/", "" -> {
                healthy = readiness(body);
                body.put("live", "UP");
            }
            default -> {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        resp.setStatus(healthy ? 200 : 503);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        json.writeValue(resp.getOutputStream(), body);
    }

    private boolean readiness(Map<String, Object> body) {
        Map<String, Object> detail = new LinkedHashMap<>();
        boolean all = true;
        for (ReadinessCheck check : checks) {
            ReadinessCheck.Result result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                result = ReadinessCheck.Result.down(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            all &= result.ready();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", result.ready() ? "UP" : "DOWN");
            one.put("detail", result.detail());
            detail.put(check.name(), one);
        }
        body.put("status", all ? "UP" : "DOWN");
        body.put("checks", detail);
        return all;
    }
}
