package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSRF, escaping and headers: what keeps another site or a hostile description from acting as the operator. */
class BrowserDefencesTest {

    static ConsoleFixture gate;

    @BeforeAll
    static void start() throws Exception {
        gate = new ConsoleFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        gate.close();
    }

    @Test
    void stateChangeWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        ConsoleClient client = new ConsoleClient(gate).signedIn();
        Map<String, String> form = Map.of("kind", "SPIME", "jid", "forged@gate.example/spime", "password", "yes");
        HttpResponse<String> missing = client.postRaw("/console/identities/new", form);
        HttpResponse<String> wrong = client.postRaw("/console/identities/new",
                Map.of("csrf", "not-the-token", "kind", "SPIME", "jid", "forged@gate.example/spime"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("nothing was changed");
        assertThat(gate.identities.show("forged@gate.example/spime")).isEmpty();
    }

    @Test
    void tokenOfAnotherSessionDoesNotWork() throws Exception {
        ConsoleClient attacker = new ConsoleClient(gate).signedIn();
        ConsoleClient victim = new ConsoleClient(gate).signedIn();
        assertThat(attacker.csrf()).isNotEqualTo(victim.csrf());
        HttpResponse<String> r = victim.postRaw("/console/sign-out", Map.of("csrf", attacker.csrf()));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(victim.get("/console/").statusCode()).isEqualTo(200);
    }

    @Test
    void signInPostedFromElsewhereWithoutTheFormsTokenIsRefused() throws Exception {
        HttpResponse<String> forged = new ConsoleClient(gate).postRaw("/sign-in",
                Map.of("operator", ConsoleFixture.OPERATOR, "password", ConsoleFixture.PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("openspime_console="));
    }

    @Test
    void postWithoutSessionIsRefusedNotRedirected() throws Exception {
        HttpResponse<String> r = new ConsoleClient(gate).postRaw("/console/identity/delete",
                Map.of("jid", "x@gate.example/y", "confirm", "yes"));
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void markupInADescriptionShowsAsTextOnEveryPage() throws Exception {
        ConsoleClient client = new ConsoleClient(gate).signedIn();
        String hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        HttpResponse<String> created = client.post("/console/identities/new",
                Map.of("kind", "SERVICE", "jid", "ranking@gate.example", "description", hostile));
        assertThat(created.statusCode()).isEqualTo(201);
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
        for (String page : new String[] {"/console/identities", "/console/identity?jid=ranking%40gate.example",
                "/console/identities?q=" + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8)}) {
            String body = client.get(page).body();
            assertThat(body).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
        assertThat(client.get("/console/identities").body()).contains(escaped);
        assertThat(client.get("/console/identities?q=" + java.net.URLEncoder.encode("<b>", java.nio.charset.StandardCharsets.UTF_8))
                .body()).contains("value=\"&lt;b&gt;\"");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        ConsoleClient client = new ConsoleClient(gate).signedIn();
        for (String path : new String[] {"/sign-in", "/console/", "/console/identities", "/health", "/static/console.css"}) {
            HttpResponse<String> r = client.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'")
                            .contains("default-src 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("Server")).as(path).isEmpty();
        }
        assertThat(client.get("/console/").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void pagesCarryNoInlineScriptOrStyleSoTheStrictPolicyBreaksNothing() throws Exception {
        ConsoleClient client = new ConsoleClient(gate).signedIn();
        for (String path : new String[] {"/sign-in", "/console/", "/console/identities", "/console/identities/new",
                "/console/bulk", "/console/keys", "/console/audit", "/console/tokens"}) {
            String body = client.get(path).body();
            assertThat(body).as(path).doesNotContainPattern("<script>|<script [^s]|style=\"| on[a-z]+=\"");
        }
    }
}
