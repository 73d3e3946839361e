package org.openspime.web.console;

import static org.openspime.web.console.Html.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityState;

/** How domain values look on the pages, kept in one place so every page shows them alike. */
final class Display {

    /** UTC everywhere: operators of federated gates compare timestamps across time zones. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Display() {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** Dates only, for validity periods where the time of day is noise. */
    static String day(Instant at) {
        return at == null ? "—" : DAY.format(at);
    }

    static String when(Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    static Html kind(IdentityKind kind) {
        return html("<span class=\"badge kind-{}\">{}</span>", kind.name().toLowerCase(java.util.Locale.ROOT), kind.label());
    }

    static Html state(IdentityState state) {
        return html("<span class=\"badge state-{}\">{}</span>", state.name().toLowerCase(java.util.Locale.ROOT),
                state == IdentityState.ACTIVE ? "Active" : "Disabled");
    }

    static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String identityLink(String jid) {
        return "/console/identity?jid=" + url(jid);
    }

    /** A password or token shown once, selectable in one click, with a warning that it will not come back. */
    static Html secret(String label, String value) {
        return html("""
                <div class="secret" role="alert">
                  <p><strong>{}</strong> — copy it now: it is shown only this once and is not stored.</p>
                  <code class="secret-value" data-copy>{}</code>
                </div>
                """, label, value);
    }
}
