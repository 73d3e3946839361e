package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest {

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
    void serverBindsAFreePortWhenAskedForZero() {
        assertThat(gate.server.port()).isPositive();
        assertThat(gate.server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + gate.server.port() + "/");
    }

    @Test
    void livenessAndReadinessAreUpWhenEveryCheckPasses() throws Exception {
        ConsoleClient client = new ConsoleClient(gate);
        HttpResponse<String> live = client.get("/health/live");
        HttpResponse<String> ready = client.get("/health/ready");
        HttpResponse<String> both = client.get("/health");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(ready.body()).contains("\"database\":{\"status\":\"UP\"");
        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(both.body()).contains("\"live\":\"UP\"");
    }

    @Test
    void readinessFailsWith503AndSaysWhichCheckIsDownWhileLivenessStaysUp() throws Exception {
        gate.databaseUp.set(false);
        try {
            ConsoleClient client = new ConsoleClient(gate);
            HttpResponse<String> ready = client.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("connection refused");
            assertThat(client.get("/health").statusCode()).isEqualTo(503);
            assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
        } finally {
            gate.databaseUp.set(true);
        }
    }

    @Test
    void metricsAreServedInPrometheusTextFormatWithoutSigningIn() throws Exception {
        HttpResponse<String> metrics = new ConsoleClient(gate).get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("# TYPE openspime_logins_total counter")
                .contains("openspime_logins_total{outcome=\"ok\"} 3.0");
    }
}
