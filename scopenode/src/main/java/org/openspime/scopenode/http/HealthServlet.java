package org.openspime.scopenode.http;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: 200 {@code {"status":"up","xmpp":true}} when the ScopeNode is logged in to its gate and takes
 * reports (its key published, its report handler registered), 503 with {@code "xmpp":false} while it is not
 * (starting, or reconnecting after losing the gate). No token: it tells nothing about the data, and probes should
 * not need a secret.
 */
final class HealthServlet extends HttpServlet {

    private final BooleanSupplier connected;

    HealthServlet(BooleanSupplier connected) {
        this.connected = connected;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = connected.getAsBoolean();
        try (JsonGenerator json = JsonResponses.start(response,
                up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE)) {
            json.writeStartObject();
            json.writeStringField("status", up ? "up" : "down");
            json.writeBooleanField("xmpp", up);
            json.writeEndObject();
        }
    }
}
