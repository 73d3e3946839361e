package org.openspime.scopenode.http;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.openspime.scopenode.scope.Field;
import org.openspime.scopenode.scope.Scope;

/** {@code GET /api/scope}: the scope's definition (name, description, visibility, policy, fields) as JSON. */
final class ScopeServlet extends HttpServlet {

    private final Scope scope;

    ScopeServlet(Scope scope) {
        this.scope = scope;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (JsonGenerator json = JsonResponses.start(response, HttpServletResponse.SC_OK)) {
            json.writeStartObject();
            json.writeStringField("name", scope.name());
            json.writeStringField("description", scope.description());
            json.writeStringField("visibility", scope.visibility().name().toLowerCase(Locale.ROOT));
            json.writeBooleanField("allowUnsigned", scope.allowUnsigned());
            json.writeBooleanField("allowUnencrypted", scope.allowUnencrypted());
            json.writeArrayFieldStart("fields");
            for (Field f : scope.format().fields()) {
                json.writeStartObject();
                json.writeStringField("name", f.name());
                json.writeStringField("type", f.type().fileName());
                if (f.unit() != null) {
                    json.writeStringField("unit", f.unit());
                }
                json.writeBooleanField("required", f.required());
                if (f.min() != null) {
                    json.writeNumberField("min", f.min());
                }
                if (f.max() != null) {
                    json.writeNumberField("max", f.max());
                }
                if (f.maxLength() != null) {
                    json.writeNumberField("maxLength", f.maxLength());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
