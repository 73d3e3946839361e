package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.certification.CertificationManager;
import org.openspime.gate.testing.TestGate;

/**
 * The console of a real gate driven in Debian's headless chromium, end to end: what an operator issues in the
 * browser logs in over XMPP, what they disable there is cut off. Screenshots at 1280 px and 390 px go to
 * {@code target/screenshots/gate-*.png}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code apt-get install -y chromium
 * chromium-driver}); without them this test fails rather than skips. Every wait is bounded, and so is the test.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConsoleOnGateInBrowserTest {
    @TempDir
    Path profile;
    TestGate gate;
    GateBrowser chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        gate = TestGate.start();
        chromium = new GateBrowser(gate, profile);
        browser = chromium.driver;
        wait = chromium.wait;
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
    void operatorIssuesEachKindLogsInOverXmppDisablesASpimeIdAndBulkImports() throws Exception {
        chromium.signInAsAdmin();

        String spimePassword = issue("SPIME", "4A6B-5638@gate.test/spime", "CO2 sensor <roof>");
        shoot("gate-identity-issued");
        String nodePassword = issue("SCOPENODE", "co2node@gate.test/co2", "CO2 monitoring");
        String servicePassword = issue("SERVICE", "ranking@gate.test", "Ranking service");

        XMPPTCPConnection spime = gate.login("4a6b-5638@gate.test/spime", spimePassword);
        XMPPTCPConnection node = gate.login("co2node@gate.test/co2", nodePassword);
        XMPPTCPConnection service = gate.login("ranking@gate.test/main", servicePassword);
        CountDownLatch ended = new CountDownLatch(1);
        spime.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                ended.countDown();
            }
        });
        try {
            open("/console/");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
            shoot("gate-overview");

            open("/console/identities?q=4a6b");
            browser.findElement(By.linkText("4a6b-5638@gate.test/spime")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "4a6b-5638@gate.test/spime"));
            assertThat(browser.findElement(By.cssSelector("dd.description")).getText()).isEqualTo("CO2 sensor <roof>");
            browser.findElement(By.xpath("//button[normalize-space()='Disable']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
            shoot("gate-identity-disabled");
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("the SpimeID's XMPP session ended").isTrue();
            assertThatThrownBy(() -> gate.login("4a6b-5638@gate.test/spime", spimePassword))
                    .isInstanceOf(SASLErrorException.class);
            assertThat(node.isAuthenticated() && service.isAuthenticated()).as("the others stay connected").isTrue();
        } finally {
            spime.disconnect();
            node.disconnect();
            service.disconnect();
        }

        Path csv = profile.resolve("identities.csv");
        Files.writeString(csv, "kind,jid,description,password\n"
                + "spime,meter-1@gate.test/spime,Meter 1,yes\n"
                + "spime,meter-2@gate.test,missing resource,yes\n"
                + "scopenode,energy@gate.test/energy,Energy node,yes\n");
        open("/console/bulk");
        browser.findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Bulk import report"));
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).isEqualTo("2 of 3 rows issued, 1 refused.");
        assertThat(browser.findElement(By.cssSelector("tr.bad")).getText()).contains("full JID");
        shoot("gate-bulk-report");
        String meterPassword = passwordInReportFor("meter-1@gate.test/spime");
        XMPPTCPConnection meter = gate.login("meter-1@gate.test/spime", meterPassword);
        CertificationManager.getInstanceFor(meter).publish(RsaKeys.generate(2048).getPublic(), Duration.ofDays(30));
        meter.disconnect();

        open("/console/keys?jid=meter-1%40gate.test%2Fspime");
        assertThat(browser.findElement(By.cssSelector(".badge.key-valid")).getText()).isEqualTo("VALID");
        browser.findElement(By.name("reason")).sendKeys("device lost");
        browser.findElement(By.xpath("//button[normalize-space()='Revoke']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.cssSelector(".badge.key-revoked")).getText()).isEqualTo("REVOKED");
        shoot("gate-key-revoked");
        open("/console/audit");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("identity.disable")
                .contains("identity.create");
        shoot("gate-audit");
        assertThat(problems()).as("browser console errors, e.g. CSP violations").isEmpty();
    }

    /** Issues an identity with a generated password through the form and returns the password shown once. */
    private String issue(String kind, String jid, String description) {
        open("/console/identities/new");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "New identity"));
        new Select(browser.findElement(By.name("kind"))).selectByValue(kind);
        browser.findElement(By.name("jid")).sendKeys(jid);
        browser.findElement(By.name("description")).sendKeys(description);
        WebElement password = browser.findElement(By.name("password"));
        if (!password.isSelected()) {
            password.click();
        }
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Identity issued"));
        return browser.findElement(By.cssSelector(".secret-value")).getText().trim();
    }

    private String passwordInReportFor(String jid) {
        for (WebElement row : browser.findElements(By.cssSelector("tr.ok"))) {
            if (row.findElement(By.cssSelector("td.jid")).getText().equals(jid)) {
                return row.findElement(By.tagName("code")).getText().trim();
            }
        }
        throw new AssertionError("no issued row for " + jid);
    }

    private void open(String path) {
        chromium.open(path);
    }

    private void shoot(String name) throws IOException {
        chromium.shoot(name);
    }

    private List<String> problems() {
        // the keys page answers 400 on purpose here (no certification service), which chromium logs
        return chromium.problems("/console/keys");
    }
}
