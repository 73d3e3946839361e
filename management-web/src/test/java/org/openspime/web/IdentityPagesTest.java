package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityState;
import org.openspime.web.key.KeyState;

class IdentityPagesTest {

    static final Pattern SECRET = Pattern.compile("<code class=\"secret-value\" data-copy>([^<]+)</code>");

    ConsoleFixture gate;
    ConsoleClient client;

    @BeforeEach
    void start() throws Exception {
        gate = new ConsoleFixture();
        client = new ConsoleClient(gate).signedIn();
    }

    @AfterEach
    void stop() throws Exception {
        gate.close();
    }

    @Test
    void issuingASpimeIdShowsItsPasswordOnceAndThePasswordWorks() throws Exception {
        HttpResponse<String> r = client.post("/console/identities/new", Map.of("kind", "SPIME",
                "jid", "4A6B-5638@gate.example/spime", "description", "CO2 sensor, roof", "password", "yes"));
        assertThat(r.statusCode()).isEqualTo(201);
        String password = secret(r.body());
        assertThat(gate.identities.wouldLogIn("4A6B-5638@gate.example/spime", password)).isTrue();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");

        String view = client.get("/console/identity?jid=4A6B-5638%40gate.example%2Fspime").body();
        assertThat(view).contains("CO2 sensor, roof").contains("SpimeID").doesNotContain(password);
        assertThat(gate.audit.all()).anyMatch(e -> e.action().equals("identity.create")
                && e.target().equals("4A6B-5638@gate.example/spime") && e.who().equals("alice") && e.via().equals("console"));
    }

    @Test
    void keyOnlyIdentityGetsNoPassword() throws Exception {
        HttpResponse<String> r = client.post("/console/identities/new",
                Map.of("kind", "SCOPENODE", "jid", "co2node@gate.example/co2"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("key only").doesNotContain("secret-value");
        assertThat(gate.identities.show("co2node@gate.example/co2").orElseThrow().hasPassword()).isFalse();
    }

    @Test
    void badInputGetsAClearMessageAndKeepsWhatWasTyped() throws Exception {
        HttpResponse<String> malformed = client.post("/console/identities/new",
                Map.of("kind", "SPIME", "jid", "not a jid@@", "description", "typed text"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("is not a valid JID").contains("typed text");

        HttpResponse<String> bare = client.post("/console/identities/new", Map.of("kind", "SPIME", "jid", "bare@gate.example"));
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).contains("A SpimeID must be a full JID");

        client.post("/console/identities/new", Map.of("kind", "SERVICE", "jid", "rank@gate.example"));
        HttpResponse<String> duplicate = client.post("/console/identities/new", Map.of("kind", "SERVICE", "jid", "rank@gate.example"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("already registered");

        HttpResponse<String> noKind = client.post("/console/identities/new", Map.of("kind", "robot", "jid", "r@gate.example/x"));
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("Choose the kind");
    }

    @Test
    void disableEnableResetAndDeleteFromTheIdentityPage() throws Exception {
        String jid = "door@gate.example/spime";
        String first = secret(client.post("/console/identities/new", Map.of("kind", "SPIME", "jid", jid, "password", "yes")).body());

        HttpResponse<String> disabled = client.post("/console/identity/disable", Map.of("jid", jid));
        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(gate.identities.show(jid).orElseThrow().state()).isEqualTo(IdentityState.DISABLED);
        assertThat(gate.identities.wouldLogIn(jid, first)).isFalse();
        assertThat(client.get(disabled.headers().firstValue("Location").orElseThrow()).body())
                .contains("is disabled; its sessions were ended.").contains(">Enable<");

        client.post("/console/identity/enable", Map.of("jid", jid));
        assertThat(gate.identities.wouldLogIn(jid, first)).isTrue();

        HttpResponse<String> reset = client.post("/console/identity/reset-password", Map.of("jid", jid));
        String second = secret(reset.body());
        assertThat(second).isNotEqualTo(first);
        assertThat(gate.identities.wouldLogIn(jid, first)).isFalse();
        assertThat(gate.identities.wouldLogIn(jid, second)).isTrue();

        HttpResponse<String> unconfirmed = client.post("/console/identity/delete", Map.of("jid", jid));
        assertThat(unconfirmed.statusCode()).isEqualTo(303);
        assertThat(gate.identities.show(jid)).isPresent();
        HttpResponse<String> deleted = client.post("/console/identity/delete", Map.of("jid", jid, "confirm", "yes"));
        assertThat(deleted.headers().firstValue("Location")).hasValue("/console/identities");
        assertThat(gate.identities.show(jid)).isEmpty();
        assertThat(client.get("/console/identity?jid=door%40gate.example%2Fspime").statusCode()).isEqualTo(404);
        assertThat(gate.audit.all()).extracting(e -> e.action()).contains("identity.disable", "identity.enable",
                "identity.reset-password", "identity.delete");
    }

    @Test
    void listSearchesFiltersAndPages() throws Exception {
        for (int i = 0; i < 30; i++) {
            gate.identities.create(IdentityKind.SPIME, String.format("s%02d@gate.example/spime", i), "sensor " + i, false);
        }
        gate.identities.create(IdentityKind.SCOPENODE, "co2node@gate.example/co2", "CO2 monitoring", false);
        gate.identities.disable("s07@gate.example/spime");

        String first = client.get("/console/identities").body();
        assertThat(first).contains("1–25 of 31").contains("rel=\"next\"");
        assertThat(client.get("/console/identities?page=2").body()).contains("26–31 of 31");
        assertThat(client.get("/console/identities?kind=SCOPENODE").body()).contains("co2node@gate.example/co2")
                .contains("1–1 of 1");
        assertThat(client.get("/console/identities?state=DISABLED").body()).contains("s07@gate.example/spime")
                .contains("1–1 of 1");
        assertThat(client.get("/console/identities?q=sensor+12").body()).contains("s12@gate.example/spime")
                .contains("1–1 of 1");
    }

    @Test
    void keysAreListedAndRevokedWithAReason() throws Exception {
        String page = client.get("/console/keys?jid=keyed%40gate.example%2Fspime").body();
        assertThat(page).contains(ConsoleFixture.FINGERPRINT).contains("RSA 2048").contains("VALID");
        HttpResponse<String> revoked = client.post("/console/keys/revoke", Map.of("jid", ConsoleFixture.KEYED_JID,
                "fingerprint", ConsoleFixture.FINGERPRINT, "reason", "device stolen"));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(gate.keys.keysOf(ConsoleFixture.KEYED_JID).get(0).state()).isEqualTo(KeyState.REVOKED);
        assertThat(client.get("/console/keys?jid=keyed%40gate.example%2Fspime").body()).contains("REVOKED")
                .contains("device stolen");
    }

    @Test
    void auditPageShowsAndFiltersWhoDidWhat() throws Exception {
        client.post("/console/identities/new", Map.of("kind", "SERVICE", "jid", "svc@gate.example"));
        String all = client.get("/console/audit").body();
        assertThat(all).contains("identity.create").contains("operator.sign-in").contains("127.0.0.1");
        String filtered = client.get("/console/audit?action=identity.").body();
        assertThat(filtered).contains("svc@gate.example").doesNotContain("<code>operator.sign-in</code>");
    }

    static String secret(String body) {
        Matcher m = SECRET.matcher(body);
        assertThat(m.find()).as("a one-time secret on the page").isTrue();
        return m.group(1);
    }
}
