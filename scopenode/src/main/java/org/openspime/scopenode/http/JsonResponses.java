package org.openspime.scopenode.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** JSON bodies: one shared factory (thread-safe), and the error shape {@code {"error": ..., "parameter": ...}}. */
final class JsonResponses {

    static final JsonFactory FACTORY = new JsonFactory();

    private JsonResponses() {
    }

    static JsonGenerator start(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        return FACTORY.createGenerator(response.getOutputStream());
    }

    static void error(HttpServletResponse response, int status, String message, String parameter)
            throws IOException {
        try (JsonGenerator json = start(response, status)) {
            json.writeStartObject();
            json.writeStringField("error", message);
            if (parameter != null) {
                json.writeStringField("parameter", parameter);
            }
            json.writeEndObject();
        }
    }

    static void badParameter(HttpServletResponse response, BadParameterException e) throws IOException {
        error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), e.parameter());
    }
}
