package org.openspime.scopenode.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openspime.scopenode.testing.Readings.T0;
import static org.openspime.scopenode.testing.Readings.multi;
import static org.openspime.scopenode.testing.Readings.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.scopenode.reading.IncomingReading;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.scope.Scope;
import org.openspime.scopenode.storage.JdbcReadingStore;
import org.openspime.scopenode.testing.Readings;
import org.openspime.scopenode.testing.TestDatabase;

/** The query API over real HTTP on a real (H2) store. */
class QueryServerTest {

    private static final String TOKEN = "query-token-for-tests-0123456789";
    private static final String A = "a@gate.example/spime";
    private static final String B = "b@gate.example/spime";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestDatabase db;
    private QueryServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.open(TestDatabase.Kind.H2, dir);
        JdbcReadingStore store = new JdbcReadingStore(db.database(), Readings.format());
        store.storeBatch(List.of(report(A, "r1", 0, 500, 20.0), multi(A, "r2", 60, 3), report(B, "r1", 120, 600, 19.5),
                new IncomingReport(B, "r9", List.of(new IncomingReading(T0.plusSeconds(130), null,
                        Map.of("co2", 610L, "note", "fan \"on\", high\nnext"))))));
        Scope scope = new Scope("co2-classrooms", "CO2 in classrooms", Scope.Visibility.PUBLIC, Readings.format(),
                false, true);
        server = new QueryServer("127.0.0.1", 0, TOKEN, store, scope,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void everyApiPathNeedsTheBearerTokenButHealthDoesNot() throws Exception {
        for (String path : List.of("/api/readings", "/api/export.csv", "/api/aggregate?field=co2", "/api/scope",
                "/metrics")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "wrong-token").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, TOKEN + "x").statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> denied = get("/api/readings", null);
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/scope", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void readingsComeInTimeOrderInPagesLinkedByTheirCursor() throws Exception {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = json(get("/api/readings?from=" + T0.minusSeconds(1) + "&to=" + T0.plusSeconds(3600)
                    + "&limit=2" + (after == null ? "" : "&after=" + after), TOKEN));
            for (JsonNode r : page.get("readings")) {
                seen.add(r.get("spime").asText() + " " + r.get("report").asText() + "#" + r.get("index").asInt());
            }
            after = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (after != null);
        assertThat(seen).containsExactly(A + " r1#0", A + " r2#0", A + " r2#1", A + " r2#2", B + " r1#0", B + " r9#0");
        assertThat(pages).isEqualTo(3);

        JsonNode first = json(get("/api/readings?from=" + T0 + "&to=" + T0.plusSeconds(1) + "&fields=co2", TOKEN))
                .get("readings").get(0);
        assertThat(first.get("time").asText()).isEqualTo(T0.toString());
        assertThat(first.get("values").get("co2").asLong()).isEqualTo(500);
        assertThat(first.get("values").has("temperature")).as("only the fields asked for").isFalse();
        assertThat(first.get("location").get("lat").asDouble()).isEqualTo(45.07);

        JsonNode onlyB = json(get("/api/readings?from=" + T0 + "&to=" + T0.plusSeconds(3600) + "&spime=" + B, TOKEN));
        assertThat(onlyB.get("readings")).hasSize(2);
    }

    @Test
    void theCsvExportQuotesWhatNeedsQuotingAndHasOneRowPerReading() throws Exception {
        HttpResponse<String> csv = get("/api/export.csv?from=" + T0 + "&to=" + T0.plusSeconds(3600)
                + "&fields=co2,note", TOKEN);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("time,spime,report,index,latitude,longitude,elevation,co2,note\r\n");
        assertThat(csv.body()).contains(T0 + "," + A + ",r1,0,45.07,7.69,240.0,500,\r\n");
        assertThat(csv.body()).contains("," + B + ",r9,0,,,,610,\"fan \"\"on\"\", high\nnext\"\r\n");
        assertThat(csv.body().split("\r\n")).hasSize(1 + 6);
    }

    @Test
    void aggregatesComePerBucket() throws Exception {
        JsonNode agg = json(get("/api/aggregate?from=" + T0 + "&to=" + T0.plusSeconds(3600) + "&field=co2&bucket=PT1M",
                TOKEN));
        JsonNode buckets = agg.get("buckets");
        assertThat(buckets).hasSize(3);
        assertThat(buckets.get(1).get("count").asLong()).isEqualTo(3);
        assertThat(buckets.get(1).get("min").asDouble()).isEqualTo(400);
        assertThat(buckets.get(1).get("max").asDouble()).isEqualTo(402);
        assertThat(buckets.get(1).get("avg").asDouble()).isEqualTo(401);
    }

    @Test
    void badParametersAreAnswered400NamingTheParameter() throws Exception {
        assertBad("/api/readings?from=yesterday", "from");
        assertBad("/api/readings?from=" + T0 + "&to=" + T0.minusSeconds(5), "to");
        assertBad("/api/readings?limit=0", "limit");
        assertBad("/api/readings?limit=many", "limit");
        assertBad("/api/readings?fields=co2,humidity", "fields");
        assertBad("/api/readings?after=not-a-cursor", "after");
        assertBad("/api/export.csv?fields=humidity", "fields");
        assertBad("/api/aggregate", "field");
        assertBad("/api/aggregate?field=co2&bucket=1m", "bucket");
        assertBad("/api/aggregate?field=co2&bucket=PT0.5S", "bucket");
        assertBad("/api/aggregate?field=co2&bucket=PT1S&from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "bucket");
    }

    @Test
    void theScopeDefinitionIsServed() throws Exception {
        JsonNode scope = json(get("/api/scope", TOKEN));
        assertThat(scope.get("name").asText()).isEqualTo("co2-classrooms");
        assertThat(scope.get("fields").get(0).get("name").asText()).isEqualTo("co2");
        assertThat(scope.get("fields").get(0).get("unit").asText()).isEqualTo("ppm");
        assertThat(scope.get("fields").get(0).get("max").asDouble()).isEqualTo(10_000);
    }

    private void assertBad(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path, TOKEN);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("parameter").asText()).as(path).isEqualTo(parameter);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
