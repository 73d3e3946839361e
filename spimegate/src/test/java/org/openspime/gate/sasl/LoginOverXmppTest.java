package org.openspime.gate.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.RawStream;
import org.openspime.gate.testing.TestGate;

/**
 * Logins over real connections: STARTTLS first, SASL against the registry (Smack picks SCRAM-SHA-256 or
 * SCRAM-SHA-1), only registered resources bind, disabled identities lose their sessions and cannot log in.
 */
class LoginOverXmppTest {
    private static TestGate gate;

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.start();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void authenticationBeforeTlsIsRefusedWithEncryptionRequired() throws Exception {
        try (RawStream raw = new RawStream(gate.port()).openStream(TestGate.DOMAIN)) {
            raw.readUntilContains("</stream:features>");
            raw.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFAZ2F0ZS50ZXN0AHg=</auth>");
            assertThat(raw.readUntilContains("</failure>")).contains("<encryption-required");
        }
    }

    @Test
    void registeredSpimeLogsInWithItsFullJid() throws Exception {
        XMPPTCPConnection c = gate.newClient("4a6b-5638@gate.test/spime");
        assertThat(c.getUser().toString()).isEqualTo("4a6b-5638@gate.test/spime");
        assertThat(c.isSecureConnection()).isTrue();
        c.disconnect();
    }

    @Test
    void wrongPasswordIsRefused() {
        gate.register(OsidKind.SPIME, "wrongpw@gate.test/spime");
        assertThatThrownBy(() -> gate.login("wrongpw@gate.test/spime", "not-the-password"))
                .isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
    }

    @Test
    void unregisteredResourceIsRefused() {
        gate.register(OsidKind.SPIME, "bridge@gate.test/spime1");
        assertThatThrownBy(() -> gate.login("bridge@gate.test/spime99", TestGate.PASSWORD))
                .isInstanceOf(XMPPException.XMPPErrorException.class).hasMessageContaining("not-allowed");
    }

    @Test
    void bridgeAccountBindsEachOfItsRegisteredSpimeIds() throws Exception {
        gate.register(OsidKind.SPIME, "gateway@gate.test/spime1");
        gate.register(OsidKind.SPIME, "gateway@gate.test/spime2");
        XMPPTCPConnection one = gate.login("gateway@gate.test/spime1", TestGate.PASSWORD);
        XMPPTCPConnection two = gate.login("gateway@gate.test/spime2", TestGate.PASSWORD);
        assertThat(one.getUser().toString()).isEqualTo("gateway@gate.test/spime1");
        assertThat(two.getUser().toString()).isEqualTo("gateway@gate.test/spime2");
        one.disconnect();
        two.disconnect();
    }

    @Test
    void disablingAnIdentityEndsItsSessionAndRefusesNewLogins() throws Exception {
        XMPPTCPConnection c = gate.newClient("doomed@gate.test/spime");
        CountDownLatch ended = new CountDownLatch(1);
        c.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                ended.countDown();
            }
        });
        gate.identities().disable("doomed@gate.test/spime");
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("live session ended").isTrue();
        assertThatThrownBy(() -> gate.login("doomed@gate.test/spime", TestGate.PASSWORD))
                .isInstanceOfAny(SASLErrorException.class, XMPPException.XMPPErrorException.class,
                        SmackException.class);
    }

    @Test
    void repeatedBadPasswordsAreThrottledWhileOthersLogIn() throws Exception {
        gate.register(OsidKind.SPIME, "target@gate.test/spime");
        for (int i = 0; i < 6; i++) {
            try {
                gate.login("target@gate.test/spime", "guess-" + i);
            } catch (SASLErrorException expected) {
                // not-authorized, then temporary-auth-failure once throttled
            }
        }
        assertThatThrownBy(() -> gate.login("target@gate.test/spime", TestGate.PASSWORD))
                .isInstanceOf(SASLErrorException.class).hasMessageContaining("temporary-auth-failure");
        XMPPTCPConnection other = gate.newClient("innocent@gate.test/spime");
        assertThat(other.isAuthenticated()).isTrue();
        other.disconnect();
    }
}
