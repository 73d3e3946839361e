package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.web.identity.IdentityState;
import org.openspime.web.key.KeyState;

/** The JSON API with a bearer token an operator created on the tokens page. */
class ApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    ConsoleFixture gate;
    ConsoleClient console;
    String token;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        gate = new ConsoleFixture();
        console = new ConsoleClient(gate).signedIn();
        HttpResponse<String> created = console.post("/console/tokens", Map.of("label", "provisioning script"));
        Matcher m = Pattern.compile("data-copy>(osp_[^<]+)<").matcher(created.body());
        assertThat(m.find()).isTrue();
        token = m.group(1);
    }

    @AfterEach
    void stop() throws Exception {
        gate.close();
    }

    @Test
    void withoutATokenTheApiAnswers401AndCookiesDoNotCount() throws Exception {
        HttpResponse<String> none = send("GET", "/api/identities", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(send("GET", "/api/identities", null, "osp_forged").statusCode()).isEqualTo(401);
        HttpResponse<String> withCookie = console.http().send(HttpRequest.newBuilder(gate.uri("/api/identities")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withCookie.statusCode()).isEqualTo(401);
    }

    @Test
    void identityLifecycleThroughTheApi() throws Exception {
        HttpResponse<String> created = send("POST", "/api/identities",
                "{\"kind\":\"spime\",\"jid\":\"meter@gate.example/spime\",\"description\":\"water meter\",\"password\":true}", token);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String password = body.get("password").asText();
        assertThat(body.at("/identity/kind").asText()).isEqualTo("spime");
        assertThat(gate.identities.wouldLogIn("meter@gate.example/spime", password)).isTrue();

        JsonNode list = JSON.readTree(send("GET", "/api/identities?kind=spime&q=water", null, token).body());
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/identities/0/jid").asText()).isEqualTo("meter@gate.example/spime");

        String q = "?jid=meter%40gate.example%2Fspime";
        assertThat(JSON.readTree(send("GET", "/api/identity" + q, null, token).body()).get("description").asText())
                .isEqualTo("water meter");
        HttpResponse<String> disabled = send("POST", "/api/identity/disable" + q, "", token);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(disabled.body()).get("state").asText()).isEqualTo("disabled");
        assertThat(gate.identities.show("meter@gate.example/spime").orElseThrow().state()).isEqualTo(IdentityState.DISABLED);
        send("POST", "/api/identity/enable" + q, "", token);
        String reset = JSON.readTree(send("POST", "/api/identity/reset-password" + q, "", token).body()).get("password").asText();
        assertThat(gate.identities.wouldLogIn("meter@gate.example/spime", reset)).isTrue();
        assertThat(send("DELETE", "/api/identity" + q, null, token).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/identity" + q, null, token).statusCode()).isEqualTo(404);

        assertThat(gate.audit.all()).filteredOn(e -> e.target().equals("meter@gate.example/spime"))
                .allMatch(e -> e.via().equals("api") && e.who().equals("alice")).hasSize(5);
    }

    @Test
    void apiRefusalsHaveAStableCodeAndAMessage() throws Exception {
        HttpResponse<String> malformed = send("POST", "/api/identities", "{\"kind\":\"spime\",\"jid\":\"@@\"}", token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").asText()).isEqualTo("malformed_jid");
        send("POST", "/api/identities", "{\"kind\":\"service\",\"jid\":\"svc@gate.example\"}", token);
        HttpResponse<String> dup = send("POST", "/api/identities", "{\"kind\":\"service\",\"jid\":\"svc@gate.example\"}", token);
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/identities", "not json", token).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/identity/disable?jid=nobody%40gate.example", "", token).statusCode()).isEqualTo(404);
    }

    @Test
    void keysStatusAndAuditThroughTheApi() throws Exception {
        JsonNode keys = JSON.readTree(send("GET", "/api/keys?jid=keyed%40gate.example%2Fspime", null, token).body());
        assertThat(keys.at("/keys/0/fingerprint").asText()).isEqualTo(ConsoleFixture.FINGERPRINT);
        HttpResponse<String> revoked = send("POST", "/api/keys/revoke", "{\"jid\":\"" + ConsoleFixture.KEYED_JID
                + "\",\"fingerprint\":\"" + ConsoleFixture.FINGERPRINT + "\",\"reason\":\"compromised\"}", token);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(gate.keys.keysOf(ConsoleFixture.KEYED_JID).get(0).state()).isEqualTo(KeyState.REVOKED);

        JsonNode status = JSON.readTree(send("GET", "/api/status", null, token).body());
        assertThat(status.at("/connected/spime").asInt()).isEqualTo(42);
        assertThat(status.get("stanzasPerSecond").asDouble()).isEqualTo(1234.5);

        JsonNode audit = JSON.readTree(send("GET", "/api/audit?action=key.", null, token).body());
        assertThat(audit.at("/entries/0/action").asText()).isEqualTo("key.revoke");
        assertThat(audit.at("/entries/0/detail").asText()).contains("compromised");
    }

    @Test
    void revokedTokenStopsWorking() throws Exception {
        String page = console.get("/console/tokens").body();
        Matcher id = Pattern.compile("name=\"id\" value=\"([^\"]+)\"").matcher(page);
        assertThat(id.find()).isTrue();
        assertThat(console.post("/console/tokens/revoke", Map.of("id", id.group(1))).statusCode()).isEqualTo(303);
        assertThat(send("GET", "/api/status", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void bulkCsvThroughTheApiReportsEachRow() throws Exception {
        String csv = "kind,jid,description,password\nspime,a@gate.example/s,,yes\nrobot,b@gate.example/s,,\n";
        JsonNode report = JSON.readTree(send("POST", "/api/identities/bulk", csv, token).body());
        assertThat(report.get("issued").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        assertThat(report.at("/rows/1/message").asText()).contains("Unknown kind 'robot'");
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gate.uri(path).toString())).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
