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
        assertThat(status.at("/certification/keysPublished").asLong()).isEqualTo(17);
        assertThat(status.at("/certification/queriesAnswered").asLong()).isEqualTo(240);
        assertThat(status.at("/publicScopeNodes/0/snid").asText()).isEqualTo("co2node@gate.example/co2");
        assertThat(status.at("/publicScopeNodes/0/online").asBoolean()).isTrue();
        assertThat(status.at("/publicScopeNodes/1/online").asBoolean()).isFalse();

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

    @Test
    void bulkImportJobStartsWith202AndReportsProgressThenRowsThenCredentialsOnce() throws Exception {
        StringBuilder csv = new StringBuilder("kind,jid,description,password\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i == 3 ? "robot,r@gate.example/s,,yes\n" : "spime,j" + i + "@gate.example/s,,yes\n");
        }
        HttpResponse<String> started = send("POST", "/api/import-jobs", csv.toString(), token);
        assertThat(started.statusCode()).isEqualTo(202);
        String url = started.headers().firstValue("Location").orElseThrow();
        assertThat(JSON.readTree(started.body()).get("url").asText()).isEqualTo(url);
        assertThat(JSON.readTree(started.body()).get("total").asInt()).isEqualTo(400);
        JsonNode status = JSON.readTree(send("GET", url, null, token).body());
        for (int i = 0; i < 100 && status.get("state").asText().equals("running"); i++) {
            Thread.sleep(100);
            status = JSON.readTree(send("GET", url, null, token).body());
        }
        assertThat(status.get("state").asText()).isEqualTo("done");
        assertThat(status.get("issued").asInt()).isEqualTo(399);
        assertThat(status.get("refused").asInt()).isEqualTo(1);
        assertThat(status.at("/rows/3/message").asText()).contains("Unknown kind 'robot'");
        assertThat(status.at("/rows/0/password").isMissingNode()).as("passwords come once, from credentials").isTrue();
        HttpResponse<String> credentials = send("GET", status.get("credentials").asText(), null, token);
        assertThat(credentials.statusCode()).isEqualTo(200);
        assertThat(credentials.body().split("\r\n")).hasSize(400);
        HttpResponse<String> again = send("GET", url + "/credentials", null, token);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(again.body()).get("error").asText()).isEqualTo("gone");
    }

    @Test
    void bulkImportJobRefusalsAreClear() throws Exception {
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            tooMany.append("spime,t").append(i).append("@gate.example/s\n");
        }
        HttpResponse<String> rows = send("POST", "/api/import-jobs", tooMany.toString(), token);
        assertThat(rows.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rows.body()).get("message").asText()).contains("at most 10000");
        HttpResponse<String> big = send("POST", "/api/import-jobs", "x".repeat(2 * 1024 * 1024 + 1), token);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(big.body()).get("error").asText()).isEqualTo("too_large");
        assertThat(send("GET", "/api/import-jobs/unknown", null, token).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/import-jobs", "spime,a@gate.example/s\n", null).statusCode()).isEqualTo(401);
    }

    @Test
    void keyPairGenerationThroughTheApiHandsTheKeyOverOnce() throws Exception {
        gate.identities.create(org.openspime.web.identity.IdentityKind.SPIME, "radio@gate.example/spime", "", false);
        HttpResponse<String> generated = send("POST", "/api/key-pairs",
                "{\"jid\":\"radio@gate.example/spime\",\"bits\":2048,\"format\":\"pkcs12\"}", token);
        assertThat(generated.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(generated.body());
        assertThat(body.at("/key/fingerprint").asText()).isEqualTo(gate.keys.keysOf("radio@gate.example/spime").get(0).fingerprint());
        String password = body.get("password").asText();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(gate.uri(body.get("download").asText()))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
        p12.load(new java.io.ByteArrayInputStream(file.body()), password.toCharArray());
        assertThat(p12.isKeyEntry(p12.aliases().nextElement())).isTrue();
        HttpResponse<String> again = send("GET", body.get("download").asText(), null, token);
        assertThat(again.statusCode()).isEqualTo(410);
        HttpResponse<String> small = send("POST", "/api/key-pairs", "{\"jid\":\"radio@gate.example/spime\",\"bits\":1024}", token);
        assertThat(small.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(small.body()).get("error").asText()).isEqualTo("invalid");
        assertThat(send("POST", "/api/key-pairs", "{\"jid\":\"nobody@gate.example/x\"}", token).statusCode()).isEqualTo(404);
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
