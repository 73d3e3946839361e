package org.openspime.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.key.GeneratedKey;
import org.openspime.web.key.KeyFormat;
import org.openspime.web.key.KeyHandover;
import org.openspime.web.key.KeyService;

/**
 * {@code POST /api/key-pairs} with {@code {"jid", "bits": 2048|3072, "format": "pkcs12"|"pem"}} generates and
 * certifies a key pair for the entity and answers 201 with the key, the PKCS#12 password (once) and the download
 * URL; {@code GET /api/key-pairs/<download id>} returns the file once, 410 afterwards.
 */
public final class KeyGenerationApi extends HttpServlet {

    static final String BASE = "/api/key-pairs/";

    private final KeyService keys;

    public KeyGenerationApi(KeyService keys) {
        this.keys = keys;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null && !"/".equals(req.getPathInfo())) {
            ApiResponses.error(resp, 404, "no_such_action", "POST to /api/key-pairs.");
            return;
        }
        JsonNode body = ApiResponses.body(req, resp);
        if (body == null) {
            return;
        }
        Optional<KeyFormat> format = KeyFormat.parse(body.has("format") ? ApiResponses.text(body, "format") : "pkcs12");
        if (format.isEmpty()) {
            ApiResponses.error(resp, 400, "invalid", "format must be pkcs12 or pem.");
            return;
        }
        JsonNode bits = body.get("bits");
        if (bits != null && !bits.canConvertToInt()) {
            ApiResponses.error(resp, 400, "invalid", "bits must be 2048 or 3072.");
            return;
        }
        try {
            GeneratedKey generated = keys.generate(ApiGuard.actor(req), ApiResponses.text(body, "jid"),
                    bits == null ? 3072 : bits.asInt(), format.get());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("key", Views.key(generated.key()));
            out.put("format", generated.format().name().toLowerCase(java.util.Locale.ROOT));
            generated.password().ifPresent(p -> out.put("password", p));
            out.put("download", BASE + generated.download());
            out.put("expires", generated.expires().toString());
            resp.setHeader("Location", BASE + generated.download());
            ApiResponses.ok(resp, 201, out);
        } catch (IdentityRefused e) {
            ApiResponses.refused(resp, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Optional<KeyHandover.Parcel> parcel = keys.download(ApiGuard.actor(req), id);
        if (parcel.isEmpty()) {
            ApiResponses.error(resp, 410, "gone", "This private key was already downloaded, has expired, or is "
                    + "another operator's; the gate does not keep private keys.");
            return;
        }
        KeyHandover.Parcel p = parcel.get();
        try {
            resp.setContentType(p.format().contentType());
            resp.setHeader("Cache-Control", "no-store");
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + p.fileName() + "\"");
            resp.setContentLength(p.content().length);
            resp.getOutputStream().write(p.content());
        } finally {
            p.wipe();
        }
    }
}
