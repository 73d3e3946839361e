package org.openspime.web.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.bulk.RowOutcome;
import org.openspime.web.identity.IdentityView;
import org.openspime.web.key.KeyView;

/**
 * The API's JSON shapes, written out field by field so that renaming a Java record cannot silently change
 * what scripts receive. Times are ISO-8601 UTC strings.
 */
final class Views {

    private Views() {
    }

    static Map<String, Object> identity(IdentityView i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", i.jid());
        m.put("kind", i.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("state", i.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("description", i.description());
        m.put("created", i.created().toString());
        m.put("hasPassword", i.hasPassword());
        return m;
    }

    static Map<String, Object> key(KeyView k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", k.jid());
        m.put("fingerprint", k.fingerprint());
        m.put("algorithm", k.algorithm());
        m.put("bits", k.bits());
        m.put("published", k.published().toString());
        m.put("notBefore", k.notBefore().toString());
        m.put("notAfter", k.notAfter().toString());
        m.put("attestedBy", k.attestedBy().orElse(null));
        m.put("state", k.state().name().toLowerCase(java.util.Locale.ROOT));
        k.revoked().ifPresent(r -> m.put("revoked", Map.of("at", r.at().toString(), "reason", r.reason())));
        return m;
    }

    static Map<String, Object> audit(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("when", e.when().toString());
        m.put("who", e.who());
        m.put("action", e.action());
        m.put("target", e.target());
        m.put("detail", e.detail());
        m.put("from", e.from());
        m.put("via", e.via());
        return m;
    }

    static Map<String, Object> row(RowOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", o.line());
        m.put("jid", o.jid());
        m.put("issued", o.issued());
        if (!o.issued()) {
            m.put("message", o.message());
        }
        o.password().ifPresent(p -> m.put("password", p));
        return m;
    }

    static Map<String, Object> rowWithoutPassword(RowOutcome o) {
        Map<String, Object> m = row(o);
        m.remove("password");
        return m;
    }
}
