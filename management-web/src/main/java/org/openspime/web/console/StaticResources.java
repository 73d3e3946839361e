package org.openspime.web.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code /static/*}: the stylesheet, script and icon, served from the jar. A fixed list rather than a
 * classpath lookup by path, so no request can read any other resource of the gate.
 */
final class StaticResources extends HttpServlet {

    private static final Map<String, String> FILES = Map.of(
            "/console.css", "text/css; charset=utf-8",
            "/console.js", "text/javascript; charset=utf-8",
            "/favicon.svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo();
        String type = name == null ? null : FILES.get(name);
        if (type == null) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = StaticResources.class.getResourceAsStream("static" + name)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            resp.setContentType(type);
            resp.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(resp.getOutputStream());
        }
    }
}
