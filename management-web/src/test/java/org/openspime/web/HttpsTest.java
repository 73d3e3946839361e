package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over TLS the console works the same, and its cookie gains Secure and the response HSTS. */
class HttpsTest {

    static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    static ConsoleFixture gate;
    static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        KeyStore keyStore = selfSigned(dir.resolve("gate.p12"));
        gate = new ConsoleFixture(ConsoleSettings.defaults(), Optional.of(new TlsSettings(keyStore, PASSWORD, PASSWORD)));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keyStore);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        gate.close();
    }

    @Test
    void consoleIsServedOverHttpsWithSecureCookieAndHsts() throws Exception {
        assertThat(gate.server.baseUri().getScheme()).isEqualTo("https");
        ConsoleClient client = new ConsoleClient(gate, trusting);
        HttpResponse<String> signIn = client.signIn(ConsoleFixture.OPERATOR, ConsoleFixture.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                .contains("; HttpOnly").contains("; SameSite=Strict").contains("; Secure"));
        assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(client.get("/console/").statusCode()).isEqualTo(200);
    }

    /**
     * The JDK has no public API to make a certificate, but it ships keytool; the gate will hand over its own
     * keystore (made with Bouncy Castle), so this only stands in for that.
     */
    static KeyStore selfSigned(Path file) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "gate", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }
}
