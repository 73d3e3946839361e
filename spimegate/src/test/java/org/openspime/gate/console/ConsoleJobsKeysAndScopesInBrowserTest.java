package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openspime.client.directory.ScopeDirectoryManager;
import org.openspime.client.directory.element.ScopeVisibility;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;

/**
 * In chromium on a real gate: the overview lists the public scopes ScopeNodes announced over XMPP (online or not)
 * and the certification counters; a CSV of a few thousand rows runs as a job whose page shows progress and then
 * the report; a key pair is generated for a device. Screenshots: {@code gate-overview-scopes},
 * {@code gate-bulk-progress}, {@code gate-bulk-job-report}, {@code gate-key-generation} and
 * {@code gate-key-generated}, each at 1280 and 390 px.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConsoleJobsKeysAndScopesInBrowserTest {
    static final int ROWS = 2500;

    @TempDir
    Path profile;
    TestGate gate;
    GateBrowser chromium;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        gate = TestGate.start();
        chromium = new GateBrowser(gate, profile);
        browser = chromium.driver;
    }

    @AfterEach
    void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (gate != null) {
                gate.close();
            }
        }
    }

    @Test
    void overviewListsAnnouncedScopesBulkJobShowsProgressAndAKeyPairIsGenerated() throws Exception {
        gate.register(OsidKind.SCOPENODE, "co2node@gate.test/co2");
        gate.register(OsidKind.SCOPENODE, "noise@gate.test/db");
        gate.register(OsidKind.SPIME, "lora-7@gate.test/spime");
        XMPPTCPConnection noise = gate.login("noise@gate.test/db", TestGate.PASSWORD);
        ScopeDirectoryManager.getInstanceFor(noise).announce("street-noise", ScopeVisibility.PUBLIC, "");
        noise.disconnect();
        XMPPTCPConnection co2 = gate.login("co2node@gate.test/co2", TestGate.PASSWORD);
        try {
            ScopeDirectoryManager.getInstanceFor(co2).announce("co2-classrooms", ScopeVisibility.PUBLIC,
                    "CO2 in classrooms <all schools>");
            chromium.signInAsAdmin();
            assertThat(browser.findElement(By.cssSelector("ul.scopes")).getText())
                    .contains("co2-classrooms").contains("co2node@gate.test/co2").contains("CO2 in classrooms <all schools>")
                    .contains("street-noise");
            assertThat(browser.findElements(By.cssSelector("ul.scopes .presence.online"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("ul.scopes .presence.offline"))).hasSize(1);
            assertThat(Long.parseLong(browser.findElement(By.cssSelector("[data-stat=keysPublished]")).getText()))
                    .as("the gate's own key, at least").isPositive();
            chromium.shoot("gate-overview-scopes");
        } finally {
            co2.disconnect();
        }

        Path csv = profile.resolve("meters.csv");
        StringBuilder rows = new StringBuilder("kind,jid,description,password\n");
        for (int i = 0; i < ROWS; i++) {
            rows.append(i == 1234 ? "spime,broken@@,bad row,no\n"
                    : "spime,meter-" + i + "@gate.test/spime,Meter " + i + "," + (i % 500 == 0 ? "yes" : "no") + "\n");
        }
        Files.writeString(csv, rows);
        chromium.open("/console/bulk");
        browser.findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        chromium.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Bulk import running"));
        assertThat(browser.findElement(By.cssSelector(".job .summary")).getText()).matches("\\d+ of 2500 rows done: .*");
        // Reload the job page as fast as the browser will (its own refresh is once a second) until one shows rows
        // done while the job still runs: a row costs database writes, so 2500 of them take far longer than a load.
        String jobPage = browser.getCurrentUrl();
        boolean seen = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen && System.nanoTime() < deadline) {
            browser.get(jobPage);
            String page = browser.findElement(By.tagName("main")).getText();
            if (!page.contains("Bulk import running")) {
                break;
            }
            seen = !page.contains("0 of 2500 rows done");
            if (seen) {
                int done = Integer.parseInt(browser.findElement(By.tagName("progress")).getAttribute("value"));
                assertThat(done).isBetween(1, 2499);
                chromium.shoot("gate-bulk-progress");
            }
        }
        assertThat(seen).as("a progress page with rows done while the job ran").isTrue();
        WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(120));
        slow.until(ExpectedConditions.textToBe(By.tagName("h1"), "Bulk import report"));
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).isEqualTo("2499 of 2500 rows issued, 1 refused.");
        assertThat(browser.findElement(By.cssSelector("tr.bad")).getText()).contains("broken@@");
        assertThat(browser.findElements(By.linkText("Download credentials (once)"))).hasSize(1);
        chromium.shoot("gate-bulk-job-report");
        assertThat(gate.identities().find("meter-2499@gate.test/spime")).isPresent();

        chromium.open("/console/keys?jid=lora-7%40gate.test%2Fspime");
        chromium.shoot("gate-key-generation");
        new Select(browser.findElement(By.name("bits"))).selectByValue("2048");
        new Select(browser.findElement(By.name("format"))).selectByValue("pkcs12");
        browser.findElement(By.xpath("//button[normalize-space()='Generate key pair']")).click();
        chromium.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Key pair generated"));
        assertThat(browser.findElement(By.cssSelector(".secret-value")).getText()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(browser.findElement(By.cssSelector("code.fingerprint")).getText()).matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){31}");
        chromium.shoot("gate-key-generated");
        assertThat(gate.gate().certification().service().query(org.openspime.certification.Jid.of("lora-7@gate.test/spime"))
                .keys()).hasSize(1);
        // the generation page answers 201, which chromium does not log; nothing else may complain
        assertThat(chromium.problems(null)).isEmpty();
    }
}
