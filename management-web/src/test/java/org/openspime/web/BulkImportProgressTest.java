package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A large CSV on the console runs as a background job with a progress page. The in-memory registry's methods are
 * synchronized, so holding its monitor keeps the job at a known point while the test looks at the progress page.
 */
class BulkImportProgressTest {

    ConsoleFixture gate;
    ConsoleClient client;

    @BeforeEach
    void start() throws Exception {
        gate = new ConsoleFixture();
        client = new ConsoleClient(gate).signedIn();
        client.get("/console/bulk");
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void largeUploadShowsProgressThenTheReportAndCredentialsOnce() throws Exception {
        StringBuilder csv = new StringBuilder("kind,jid,description,password\n");
        for (int i = 0; i < 1500; i++) {
            csv.append(i == 700 ? "spime,bad@@,broken row,yes\n" : "spime,m" + i + "@gate.example/s,meter,yes\n");
        }
        String jobPage;
        synchronized (gate.identities) {
            HttpResponse<String> upload = client.upload("/console/bulk", "many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(upload.statusCode()).isEqualTo(303);
            jobPage = upload.headers().firstValue("Location").orElseThrow();
            assertThat(jobPage).startsWith("/console/bulk/job?id=");
            HttpResponse<String> progress = client.get(jobPage);
            assertThat(progress.statusCode()).isEqualTo(200);
            assertThat(progress.headers().firstValue("Refresh")).hasValue("1");
            assertThat(progress.body()).contains("Bulk import running").contains("0 of 1500 rows done")
                    .contains("<progress max=\"1500\" value=\"0\"");
        }
        HttpResponse<String> report = client.get(jobPage);
        for (int i = 0; i < 100 && report.body().contains("Bulk import running"); i++) {
            Thread.sleep(100);
            report = client.get(jobPage);
        }
        assertThat(report.body()).contains("Bulk import report").contains("1499 of 1500 rows issued, 1 refused.")
                .contains("is not a valid JID");
        assertThat(report.headers().firstValue("Refresh")).isEmpty();
        assertThat(report.body()).as("a reloadable page shows no password").contains("in the download")
                .doesNotContain("<td data-label=\"Password\"><code>");
        Matcher link = Pattern.compile("href=\"(/console/bulk/credentials\\?batch=[^\"]+)\"").matcher(report.body());
        assertThat(link.find()).isTrue();
        HttpResponse<String> credentials = client.get(link.group(1));
        assertThat(credentials.body().split("\r\n")).hasSize(1500);
        assertThat(client.get(link.group(1)).statusCode()).isEqualTo(410);
        assertThat(client.get(jobPage).body()).doesNotContain("Download credentials");
    }

    @Test
    void anotherOperatorCannotSeeTheJobAndAnUnknownJobIsA404() throws Exception {
        HttpResponse<String> upload = client.upload("/console/bulk", "many.csv",
                rows("n", 300).getBytes(StandardCharsets.UTF_8));
        String jobPage = upload.headers().firstValue("Location").orElseThrow();
        gate.server.operators().create("bob", "another long password");
        ConsoleClient bob = new ConsoleClient(gate);
        bob.signIn("bob", "another long password");
        assertThat(bob.get(jobPage).statusCode()).isEqualTo(404);
        assertThat(client.get("/console/bulk/job?id=nonsense").body()).contains("no import with that id");
    }

    static String rows(String prefix, int n) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            csv.append("spime,").append(prefix).append(i).append("@gate.example/s,,yes\n");
        }
        return csv.toString();
    }
}
