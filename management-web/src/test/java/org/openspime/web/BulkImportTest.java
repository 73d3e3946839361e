package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkImportTest {

    ConsoleFixture gate;
    ConsoleClient client;

    @BeforeEach
    void start() throws Exception {
        gate = new ConsoleFixture(ConsoleSettings.defaults().withUploadLimits(4 * 1024, 100), Optional.empty());
        client = new ConsoleClient(gate).signedIn();
        client.get("/console/bulk");
    }

    @AfterEach
    void stop() throws Exception {
        gate.close();
    }

    @Test
    void goodRowsAreIssuedAndEachBadRowIsReportedWithItsReason() throws Exception {
        String csv = """
                kind,jid,description,password
                spime,t1@gate.example/spime,"Thermometer, hall",yes
                spime,not-a-jid@@,broken,yes
                scopenode,node@gate.example/co2,"CO2 ""public"" node",no
                robot,r@gate.example/x,,yes
                service,svc@other.example,wrong domain,
                spime,t1@gate.example/spime,duplicate of line 2,yes
                spime,bare@gate.example,needs a resource,yes
                spime,t2@gate.example/spime,,maybe
                """;
        HttpResponse<String> report = client.upload("/console/bulk", "ids.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("2 of 8 rows issued, 6 refused.")
                .contains("is not a valid JID").contains("Unknown kind &#39;robot&#39;")
                .contains("This gate serves gate.example").contains("already registered")
                .contains("must be a full JID").contains("use yes or no");
        assertThat(gate.identities.show("t1@gate.example/spime").orElseThrow().description()).isEqualTo("Thermometer, hall");
        assertThat(gate.identities.show("node@gate.example/co2").orElseThrow().description()).isEqualTo("CO2 \"public\" node");
        assertThat(gate.identities.show("node@gate.example/co2").orElseThrow().hasPassword()).isFalse();
    }

    @Test
    void generatedCredentialsDownloadOnceAndWork() throws Exception {
        HttpResponse<String> report = client.upload("/console/bulk", "ids.csv",
                "spime,a@gate.example/s,,yes\nspime,b@gate.example/s,,yes\n".getBytes(StandardCharsets.UTF_8));
        Matcher link = Pattern.compile("href=\"(/console/bulk/credentials\\?batch=[^\"]+)\"").matcher(report.body());
        assertThat(link.find()).isTrue();
        HttpResponse<String> csv = client.get(link.group(1));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("jid,password");
        assertThat(lines).hasSize(3);
        String[] first = lines[1].replace("\"", "").split(",");
        assertThat(gate.identities.wouldLogIn(first[0], first[1])).isTrue();
        assertThat(client.get(link.group(1)).statusCode()).isEqualTo(410);
    }

    @Test
    void oversizedUploadIsRefusedWithAClearMessageAndNothingIssued() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 6 * 1024; i++) {
            big.append("spime,big").append(i).append("@gate.example/s,padding padding padding,yes\n");
        }
        HttpResponse<String> r = client.upload("/console/bulk", "big.csv", big.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("larger than the 4 KiB an upload may be");
        assertThat(gate.identities.show("big0@gate.example/s")).isEmpty();
    }

    @Test
    void tooManyRowsIsRefusedWholeBeforeAnythingIsIssued() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            rows.append("spime,r").append(i).append("@gate.example/s\n");
        }
        HttpResponse<String> r = client.upload("/console/bulk", "rows.csv", rows.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The file has 101 rows; at most 100");
        assertThat(gate.identities.show("r0@gate.example/s")).isEmpty();
    }

    @Test
    void nonUtf8FileIsRefusedWithAMessage() throws Exception {
        byte[] latin1 = "spime,caf\u00e9@gate.example/s,,yes\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = client.upload("/console/bulk", "latin1.csv", latin1);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not UTF-8");
    }
}
