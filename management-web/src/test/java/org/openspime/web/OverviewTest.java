package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The overview's certification activity and public ScopeNodes, on the page (escaped) and in its refresh feed. */
class OverviewTest {

    ConsoleFixture gate;
    ConsoleClient client;

    @BeforeEach
    void start() throws Exception {
        gate = new ConsoleFixture();
        client = new ConsoleClient(gate).signedIn();
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void pageListsPublicScopeNodesWithOnlineStateAndCertificationCounts() throws Exception {
        String page = client.get("/console/").body();
        assertThat(page).contains("co2-classrooms").contains("co2node@gate.example/co2").contains("CO2 in classrooms")
                .contains("<span class=\"presence online\" title=\"online\">")
                .contains("<span class=\"presence offline\" title=\"offline\">")
                .contains("noise-&lt;street&gt;").doesNotContain("noise-<street>")
                .contains("data-stat=\"keysPublished\">17<").contains("data-stat=\"queriesAnswered\">240<")
                .contains("data-stat=\"revocations\">1<");
    }

    @Test
    void refreshFeedCarriesTheCertificationCounts() throws Exception {
        JsonNode status = new ObjectMapper().readTree(client.get("/console/status.json").body());
        assertThat(status.get("keysPublished").asLong()).isEqualTo(17);
        assertThat(status.get("queriesAnswered").asLong()).isEqualTo(240);
        assertThat(status.get("revocations").asLong()).isEqualTo(1);
    }
}
