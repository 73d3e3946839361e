package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.web.fakes.InMemoryOperators;
import org.openspime.web.operator.OperatorAccounts;
import org.openspime.web.operator.PasswordHashing;

class SignInTest {

    ConsoleFixture gate;

    @BeforeEach
    void start() throws Exception {
        gate = new ConsoleFixture();
    }

    @AfterEach
    void stop() throws Exception {
        gate.close();
    }

    @Test
    void consoleAsksForSignInFirst() throws Exception {
        HttpResponse<String> r = new ConsoleClient(gate).get("/console/identities");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/sign-in");
    }

    @Test
    void rightPasswordOpensASessionAndTheOverview() throws Exception {
        ConsoleClient client = new ConsoleClient(gate);
        HttpResponse<String> signIn = client.signIn(ConsoleFixture.OPERATOR, ConsoleFixture.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/console/");
        HttpResponse<String> overview = client.get("/console/");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Overview").contains("alice").contains("1234.5");
        assertThat(gate.audit.all()).anyMatch(e -> e.action().equals("operator.sign-in") && e.who().equals("alice")
                && e.from().equals("127.0.0.1"));
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        ConsoleClient client = new ConsoleClient(gate);
        HttpResponse<String> badPassword = client.signIn(ConsoleFixture.OPERATOR, "guess");
        HttpResponse<String> badName = client.signIn("mallory", "guess");
        assertThat(badPassword.statusCode()).isEqualTo(401);
        assertThat(badName.statusCode()).isEqualTo(401);
        assertThat(badPassword.body()).contains("Wrong operator name or password.");
        assertThat(badName.body()).contains("Wrong operator name or password.");
        assertThat(badPassword.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("openspime_console="));
        assertThat(client.get("/console/").statusCode()).isEqualTo(303);
        assertThat(gate.audit.all()).anyMatch(e -> e.action().equals("operator.sign-in-failed"));
    }

    @Test
    void repeatedFailuresThrottleEvenTheRightPasswordUntilTheLockPasses() throws Exception {
        ConsoleClient client = new ConsoleClient(gate);
        for (int i = 0; i < 5; i++) {
            assertThat(client.signIn(ConsoleFixture.OPERATOR, "guess" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = client.signIn(ConsoleFixture.OPERATOR, ConsoleFixture.PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many failed sign-ins");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();

        gate.clock.advance(Duration.ofSeconds(31));
        assertThat(client.signIn(ConsoleFixture.OPERATOR, ConsoleFixture.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        ConsoleClient client = new ConsoleClient(gate).signedIn();
        HttpResponse<String> out = client.post("/console/sign-out", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/sign-in");
        assertThat(client.get("/console/").statusCode()).isEqualTo(303);
    }

    @Test
    void idleSessionExpires() throws Exception {
        ConsoleClient client = new ConsoleClient(gate).signedIn();
        gate.clock.advance(Duration.ofMinutes(29));
        assertThat(client.get("/console/").statusCode()).isEqualTo(200);
        gate.clock.advance(Duration.ofMinutes(31));
        assertThat(client.get("/console/").statusCode()).isEqualTo(303);
    }

    @Test
    void busySessionStillEndsAtItsAbsoluteLifetime() throws Exception {
        ConsoleClient client = new ConsoleClient(gate).signedIn();
        for (int i = 0; i < 17; i++) { // 17 x 29 min passes the 8 h lifetime
            gate.clock.advance(Duration.ofMinutes(29));
            client.get("/console/");
        }
        assertThat(client.get("/console/").statusCode()).isEqualTo(303);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrictAndNotSecureOverPlainHttp() throws Exception {
        HttpResponse<String> r = new ConsoleClient(gate).signIn(ConsoleFixture.OPERATOR, ConsoleFixture.PASSWORD);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("openspime_console="))
                .findFirst().orElseThrow();
        assertThat(cookie).startsWith("openspime_console=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").doesNotContain("Secure");
    }

    @Test
    void firstAdminIsCreatedOnceWithAGeneratedPasswordKeptOnlyAsASlowSaltedHash() {
        InMemoryOperators directory = new InMemoryOperators();
        OperatorAccounts accounts = new OperatorAccounts(directory, new PasswordHashing(1_000), gate.clock);
        Optional<String> password = accounts.ensureFirstAdmin();
        assertThat(password).isPresent();
        assertThat(accounts.ensureFirstAdmin()).isEmpty();
        assertThat(accounts.authenticate("admin", password.get())).isPresent();
        String stored = directory.find("admin").orElseThrow().passwordHash();
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain(password.get());
        assertThat(gate.server.operators().ensureFirstAdmin()).isEmpty();
    }
}
