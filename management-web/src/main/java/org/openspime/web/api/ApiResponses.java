package org.openspime.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openspime.web.identity.IdentityRefused;

/**
 * Reading and writing JSON for the API. Errors have one shape, {@code {"error": code, "message": text}},
 * where the code is stable for scripts and the message is for people.
 */
final class ApiResponses {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Bodies are small JSON objects; anything bigger is a mistake or an attack. */
    private static final int MAX_BODY = 64 * 1024;

    private ApiResponses() {
    }

    static void ok(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writeValue(resp.getOutputStream(), body);
    }

    static void error(HttpServletResponse resp, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        ok(resp, status, body);
    }

    static void refused(HttpServletResponse resp, IdentityRefused e) throws IOException {
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case DUPLICATE -> 409;
            default -> 400;
        };
        error(resp, status, e.reason().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
    }

    /** The request body as a JSON object, or null after answering 400 when it is not one. */
    static JsonNode body(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] bytes = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            error(resp, 413, "too_large", "The request body is larger than " + MAX_BODY + " bytes.");
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException malformed) {
            // Answered below, with the same message as a non-object body.
        }
        error(resp, 400, "bad_json", "The request body must be a JSON object.");
        return null;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
