package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.certification.CertificationManager;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;

/**
 * The console and its JSON API on a real gate, driven over HTTP as an operator's browser and scripts would: what
 * the console issues logs in over XMPP, what it disables is cut off, and the audit trail says who did it.
 */
class ConsoleOnGateTest {
    private TestGate gate;
    private OperatorClient operator;

    @BeforeEach
    void start() throws Exception {
        gate = TestGate.start();
        operator = new OperatorClient(gate.http("/"));
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void issuedSpimeIdLogsInOverXmppAndDisablingItInTheConsoleEndsItsSession() throws Exception {
        assertThat(gate.adminPassword()).as("the first start printed the admin password").isNotBlank();
        HttpResponse<String> signedIn = operator.signIn("admin", gate.adminPassword());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/console/");
        operator.get("/console/identities/new");

        HttpResponse<String> issued = operator.post("/console/identities/new", Map.of("kind", "SPIME",
                "jid", "4A6B-5638@gate.test/spime", "description", "CO2 sensor, roof", "password", "yes"));
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.body()).contains("Identity issued");
        String password = OperatorClient.secretOn(issued);

        XMPPTCPConnection device = gate.login("4a6b-5638@gate.test/spime", password);
        assertThat(device.isAuthenticated()).isTrue();
        CountDownLatch ended = new CountDownLatch(1);
        device.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                ended.countDown();
            }
        });

        operator.get("/console/identity?jid=4a6b-5638%40gate.test%2Fspime");
        HttpResponse<String> disabled = operator.post("/console/identity/disable",
                Map.of("jid", "4a6b-5638@gate.test/spime"));
        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the live XMPP session ended").isTrue();
        assertThatThrownBy(() -> gate.login("4a6b-5638@gate.test/spime", password))
                .isInstanceOf(SASLErrorException.class);

        HttpResponse<String> audit = operator.get("/console/audit?action=identity.");
        assertThat(audit.body()).contains("identity.create").contains("identity.disable")
                .contains("4a6b-5638@gate.test/spime").contains("admin");
        assertThat(gate.identities().show("4a6b-5638@gate.test/spime").description()).isEqualTo("CO2 sensor, roof");
    }

    @Test
    void scriptsUseTheJsonApiWithABearerTokenAgainstTheGate() throws Exception {
        operator.signIn("admin", gate.adminPassword());
        operator.get("/console/tokens");
        String token = OperatorClient.secretOn(operator.post("/console/tokens", Map.of("label", "provisioning")));
        assertThat(operator.api("GET", "/api/status", "osp_not-a-token", null).statusCode()).isEqualTo(401);

        HttpResponse<String> created = operator.api("POST", "/api/identities", token,
                "{\"kind\":\"scopenode\",\"jid\":\"co2node@gate.test/co2\",\"description\":\"CO2\",\"password\":true}");
        assertThat(created.statusCode()).isEqualTo(201);
        String password = OperatorClient.json(created).get("password").asText();
        HttpResponse<String> keyOnly = operator.api("POST", "/api/identities", token,
                "{\"kind\":\"service\",\"jid\":\"ranking@gate.test\",\"password\":false}");
        assertThat(keyOnly.statusCode()).isEqualTo(201);
        assertThat(OperatorClient.json(keyOnly).get("identity").get("hasPassword").asBoolean()).isFalse();
        assertThat(operator.api("POST", "/api/identities", token,
                "{\"kind\":\"scopenode\",\"jid\":\"co2node@gate.test/co2\",\"password\":true}").statusCode())
                .as("duplicate").isEqualTo(409);
        HttpResponse<String> foreign = operator.api("POST", "/api/identities", token,
                "{\"kind\":\"spime\",\"jid\":\"s@other.example/spime\",\"password\":true}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("This gate serves gate.test");

        XMPPTCPConnection node = gate.login("co2node@gate.test/co2", password);
        XMPPTCPConnection device = gate.newClient("meter@gate.test/spime");
        String fingerprint = CertificationManager.getInstanceFor(node)
                .publish(RsaKeys.generate(2048).getPublic(), Duration.ofDays(30)).pubKey().fingerprint().toString();
        try {
            JsonNode status = OperatorClient.json(operator.api("GET", "/api/status", token, null));
            assertThat(status.get("domain").asText()).isEqualTo("gate.test");
            assertThat(status.get("connected").get("scopenode").asInt()).isEqualTo(1);
            assertThat(status.get("connected").get("spime").asInt()).isEqualTo(1);
            assertThat(status.get("connected").get("service").asInt()).isZero();
        } finally {
            node.disconnect();
            device.disconnect();
        }

        JsonNode nodes = OperatorClient.json(operator.api("GET", "/api/identities?kind=scopenode", token, null));
        assertThat(nodes.get("total").asLong()).isEqualTo(1);
        assertThat(nodes.get("identities").get(0).get("jid").asText()).isEqualTo("co2node@gate.test/co2");

        JsonNode keys = OperatorClient.json(operator.api("GET", "/api/keys?jid=co2node@gate.test/co2", token, null));
        assertThat(keys.toString()).contains(fingerprint).contains("valid");
        HttpResponse<String> revoked = operator.api("POST", "/api/keys/revoke", token,
                "{\"jid\":\"co2node@gate.test/co2\",\"fingerprint\":\"" + fingerprint
                        + "\",\"reason\":\"key-compromise\"}");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(OperatorClient.json(operator.api("GET", "/api/keys?jid=co2node@gate.test/co2", token, null))
                .toString()).contains("revoked");

        JsonNode audit = OperatorClient.json(operator.api("GET", "/api/audit?action=identity.create", token, null));
        assertThat(audit.get("total").asLong()).isEqualTo(2);
        assertThat(audit.get("entries").get(0).get("via").asText()).isEqualTo("api");
        assertThat(audit.get("entries").get(0).get("who").asText()).isEqualTo("admin");
    }

    @Test
    void aKeyOnlyIdentityCannotLogInWithAPasswordUntilOneIsReset() throws Exception {
        operator.signIn("admin", gate.adminPassword());
        operator.get("/console/identities/new");
        HttpResponse<String> issued = operator.post("/console/identities/new",
                Map.of("kind", "SPIME", "jid", "keyed@gate.test/spime", "description", ""));
        assertThat(issued.body()).doesNotContain("secret-value");
        assertThatThrownBy(() -> gate.login("keyed@gate.test/spime", TestGate.PASSWORD))
                .isInstanceOf(SASLErrorException.class);

        operator.get("/console/identity?jid=keyed%40gate.test%2Fspime");
        HttpResponse<String> reset = operator.post("/console/identity/reset-password",
                Map.of("jid", "keyed@gate.test/spime"));
        String password = OperatorClient.secretOn(reset);
        gate.login("keyed@gate.test/spime", password).disconnect();
        assertThat(gate.identities().find("keyed@gate.test/spime").orElseThrow().kind()).isEqualTo(OsidKind.SPIME);
    }
}
