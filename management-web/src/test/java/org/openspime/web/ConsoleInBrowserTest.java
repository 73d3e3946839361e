package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.TakesScreenshot;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityState;

/**
 * The console driven as an operator would, in Debian's headless chromium through chromedriver. Screenshots
 * of every page at desktop (1280 px) and phone (390 px) width go to {@code target/screenshots/}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code apt-get install chromium
 * chromium-driver}); skipped with a message when they are missing. Every wait is bounded, and so is the class.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsoleInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path profile;
    static ConsoleFixture gate;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        // A missing browser is a broken test machine, not a reason to skip: .ci/run installs both.
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
                .isTrue();
        gate = new ConsoleFixture();
        for (int i = 1; i <= 12; i++) {
            gate.identities.create(i % 4 == 0 ? IdentityKind.SCOPENODE : IdentityKind.SPIME,
                    String.format("sensor-%02d@gate.example/spime", i), "Air quality sensor, building " + i, i % 3 == 0);
        }
        gate.identities.create(IdentityKind.SERVICE, "ranking@gate.example", "Ranking service", false);
        gate.identities.disable("sensor-05@gate.example/spime");
        Files.createDirectories(SHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30)).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (gate != null) {
            gate.close();
        }
    }

    @Test
    void operatorSignsInIssuesASpimeIdSeesItsPasswordOnceAndDisablesIt() throws Exception {
        browser.manage().deleteAllCookies();
        open("/console/");
        wait.until(ExpectedConditions.urlContains("/sign-in"));
        shoot("sign-in");
        browser.findElement(By.name("operator")).sendKeys(ConsoleFixture.OPERATOR);
        browser.findElement(By.name("password")).sendKeys("wrong password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")));
        shoot("sign-in-failed");
        browser.findElement(By.name("password")).sendKeys(ConsoleFixture.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.spark polyline")));
        shoot("overview");

        browser.findElement(By.linkText("Identities")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Identities"));
        shoot("identities");
        browser.findElement(By.linkText("New identity")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "New identity"));
        new Select(browser.findElement(By.name("kind"))).selectByValue("SPIME");
        browser.findElement(By.name("jid")).sendKeys("4A6B-5638@gate.example/spime");
        browser.findElement(By.name("description")).sendKeys("<script>alert('roof')</script> CO2 sensor");
        if (!browser.findElement(By.name("password")).isSelected()) {
            browser.findElement(By.name("password")).click();
        }
        shoot("new-identity");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Identity issued"));
        String password = browser.findElement(By.cssSelector(".secret-value")).getText().trim();
        assertThat(gate.identities.wouldLogIn("4A6B-5638@gate.example/spime", password)).isTrue();
        shoot("identity-issued");

        browser.findElement(By.linkText("Open identity")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "4A6B-5638@gate.example/spime"));
        assertThat(browser.findElement(By.cssSelector("dd.description")).getText())
                .isEqualTo("<script>alert('roof')</script> CO2 sensor");
        assertThat(browser.getPageSource()).doesNotContain(password);
        browser.findElement(By.xpath("//button[normalize-space()='Disable']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("is disabled");
        assertThat(gate.identities.show("4A6B-5638@gate.example/spime").orElseThrow().state()).isEqualTo(IdentityState.DISABLED);
        assertThat(gate.identities.wouldLogIn("4A6B-5638@gate.example/spime", password)).isFalse();
        shoot("identity-disabled");

        open("/console/keys?jid=keyed%40gate.example%2Fspime");
        shoot("keys");
        open("/console/audit");
        shoot("audit");
        open("/console/bulk");
        shoot("bulk");

        assertThat(problems()).as("browser console errors, e.g. CSP violations").isEmpty();
    }

    @Test
    void operatorBulkImportsACsvWithABadRowAndRevokesAKey() throws Exception {
        signInIfAsked();
        Path csv = profile.resolve("identities.csv");
        Files.writeString(csv, "kind,jid,description,password\n"
                + "spime,bulk-1@gate.example/spime,Meter 1,yes\n"
                + "spime,bulk-2@gate.example,missing resource,yes\n"
                + "scopenode,bulk-node@gate.example/energy,Energy node,no\n");
        open("/console/bulk");
        browser.findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Bulk import report"));
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).isEqualTo("2 of 3 rows issued, 1 refused.");
        assertThat(browser.findElement(By.cssSelector("tr.bad")).getText()).contains("must be a full JID");
        assertThat(gate.identities.show("bulk-node@gate.example/energy")).isPresent();
        shoot("bulk-report");

        open("/console/keys?jid=keyed%40gate.example%2Fspime");
        browser.findElement(By.name("reason")).sendKeys("device lost");
        browser.findElement(By.xpath("//button[normalize-space()='Revoke']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.cssSelector(".badge.key-revoked")).getText()).isEqualTo("REVOKED");
        shoot("key-revoked");
        assertThat(problems()).as("browser console errors, e.g. CSP violations").isEmpty();
    }

    private static void signInIfAsked() {
        open("/console/");
        if (browser.getCurrentUrl().contains("/sign-in")) {
            browser.findElement(By.name("operator")).sendKeys(ConsoleFixture.OPERATOR);
            browser.findElement(By.name("password")).sendKeys(ConsoleFixture.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
        }
    }

    private static void open(String path) {
        browser.get(gate.uri(path).toString());
    }

    /** Saves the page at desktop width and at phone width, then returns to desktop. */
    private static void shoot(String name) throws IOException {
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static List<String> problems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                // The deliberately wrong password above is answered 401; that one is expected.
                .filter(e -> !e.getMessage().contains("/sign-in - Failed to load resource"))
                .map(LogEntry::getMessage).toList();
    }
}
