package org.openspime.gate.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import org.apache.vysper.xml.fragment.Renderer;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.protocol.StanzaHandler;
import org.apache.vysper.xmpp.server.SessionState;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.StorageFixture;

/** Feeds SASL stanzas to the gate's handlers and pins the XML they answer (RFC 6120 section 6, RFC 5802). */
class SaslDictionaryTest {
    private static final String SASL = NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_SASL;
    private static final String PASSWORD = "pencil-and-paper";

    @TempDir
    Path dir;
    StorageFixture gate;
    IdentityRegistry registry;
    SaslDictionary dictionary;
    final AtomicLong now = new AtomicLong(1_000_000);
    final List<String> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        gate = StorageFixture.create(StorageFixture.Engine.H2, dir);
        registry = gate.storage().identities();
        registry.create(OsidKind.SPIME, "user@gate.example/spime", null, PASSWORD);
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), now::get);
        dictionary = new SaslDictionary(registry, throttle, new LoginListener() {
            @Override
            public void succeeded(Entity account, String mechanism) {
                events.add("ok " + account.getFullQualifiedName() + " " + mechanism);
            }

            @Override
            public void failed(Entity account, String mechanism, SaslFailure reason) {
                events.add("failed " + (account == null ? "-" : account.getFullQualifiedName()) + " " + mechanism
                        + " " + reason.element());
            }
        }, s -> ((FakeSession) s).address);
    }

    @AfterEach
    void tearDown() {
        gate.close();
    }

    @Test
    void mechanismsAreAdvertisedStrongestFirst() {
        assertThat(dictionary.mechanisms()).extracting(m -> m.getName())
                .containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
    }

    @Test
    void plainWithTheRightPasswordAuthenticates() throws Exception {
        FakeSession s = encrypted();
        String answer = send(s, auth("PLAIN", b64("\u0000user\u0000" + PASSWORD)));
        assertThat(answer).isEqualTo("<success xmlns=\"" + SASL + "\"></success>");
        assertThat(s.getState()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(s.getInitiatingEntity().getFullQualifiedName()).isEqualTo("user@gate.example");
        assertThat(events).containsExactly("ok user@gate.example PLAIN");
    }

    @Test
    void plainWithAWrongPasswordIsNotAuthorized() throws Exception {
        FakeSession s = encrypted();
        assertThat(send(s, auth("PLAIN", b64("\u0000user@gate.example\u0000wrong"))))
                .isEqualTo(failure("not-authorized"));
        assertThat(s.getState()).isEqualTo(SessionState.ENCRYPTED);
        assertThat(s.getInitiatingEntity()).isNull();
    }

    @Test
    void plainWithoutInitialResponseGetsAnEmptyChallenge() throws Exception {
        FakeSession s = encrypted();
        assertThat(send(s, auth("PLAIN", null))).isEqualTo("<challenge xmlns=\"" + SASL + "\">=</challenge>");
        assertThat(send(s, response(b64("\u0000user\u0000" + PASSWORD)))).startsWith("<success");
    }

    @Test
    void scramSha1FullExchange() throws Exception {
        scramExchange("SCRAM-SHA-1", "HmacSHA1", "SHA-1", 20);
    }

    @Test
    void scramSha256FullExchange() throws Exception {
        scramExchange("SCRAM-SHA-256", "HmacSHA256", "SHA-256", 32);
    }

    private void scramExchange(String mechanism, String hmac, String hash, int len) throws Exception {
        FakeSession s = encrypted();
        ScramClient client = new ScramClient(hmac, hash, len, PASSWORD);
        String challenge = send(s, auth(mechanism, b64(client.first())));
        String serverFirst = text(challenge, "challenge");
        assertThat(serverFirst).matches("r=" + client.nonce + "[A-Za-z0-9+/=]+,s=[A-Za-z0-9+/=]+,i=4096");
        String success = send(s, response(b64(client.finalMessage(serverFirst))));
        assertThat(text(success, "success")).isEqualTo("v=" + client.expectedServerSignature);
        assertThat(s.getState()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(events).containsExactly("ok user@gate.example " + mechanism);
    }

    @Test
    void scramWithABadProofIsNotAuthorized() throws Exception {
        FakeSession s = encrypted();
        ScramClient client = new ScramClient("HmacSHA256", "SHA-256", 32, "not the password");
        String serverFirst = text(send(s, auth("SCRAM-SHA-256", b64(client.first()))), "challenge");
        assertThat(send(s, response(b64(client.finalMessage(serverFirst))))).isEqualTo(failure("not-authorized"));
        assertThat(s.getState()).isEqualTo(SessionState.ENCRYPTED);
    }

    @Test
    void scramForAnUnknownUserLooksNormalUntilTheProof() throws Exception {
        FakeSession s = encrypted();
        ScramClient client = new ScramClient("HmacSHA1", "SHA-1", 20, "whatever", "ghost");
        String serverFirst = text(send(s, auth("SCRAM-SHA-1", b64(client.first()))), "challenge");
        assertThat(serverFirst).contains(",s=").endsWith(",i=4096");
        assertThat(send(s, response(b64(client.finalMessage(serverFirst))))).isEqualTo(failure("not-authorized"));
    }

    @Test
    void scramChannelBindingRequestIsRefused() throws Exception {
        FakeSession s = encrypted();
        assertThat(send(s, auth("SCRAM-SHA-1", b64("p=tls-unique,,n=user,r=abc"))))
                .isEqualTo(failure("malformed-request"));
    }

    @Test
    void authenticationBeforeTlsIsRefused() throws Exception {
        FakeSession s = new FakeSession(SessionState.STARTED, "10.0.0.1");
        assertThat(send(s, auth("PLAIN", b64("\u0000user\u0000" + PASSWORD))))
                .isEqualTo(failure("encryption-required"));
        assertThat(s.getState()).isEqualTo(SessionState.STARTED);
        assertThat(s.getInitiatingEntity()).isNull();
    }

    @Test
    void disabledAccountIsRefusedEvenWithTheRightPassword() throws Exception {
        registry.disable("user@gate.example/spime");
        FakeSession s = encrypted();
        assertThat(send(s, auth("PLAIN", b64("\u0000user\u0000" + PASSWORD)))).isEqualTo(failure("account-disabled"));
        assertThat(s.getState()).isEqualTo(SessionState.ENCRYPTED);
    }

    @Test
    void unknownMechanismAndAbortAndStrayResponse() throws Exception {
        FakeSession s = encrypted();
        assertThat(send(s, auth("DIGEST-MD5", null))).isEqualTo(failure("invalid-mechanism"));
        send(s, auth("SCRAM-SHA-1", null));
        assertThat(send(s, new StanzaBuilder("abort", SASL).build())).isEqualTo(failure("aborted"));
        assertThat(send(s, response(b64("c=biws")))).isEqualTo(failure("malformed-request"));
        assertThat(send(s, auth("PLAIN", "%%%"))).isEqualTo(failure("incorrect-encoding"));
    }

    @Test
    void throttleRefusesAfterTooManyFailuresThenForgets() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(encrypted(), auth("PLAIN", b64("\u0000user\u0000wrong" + i))))
                    .isEqualTo(failure("not-authorized"));
        }
        // Right password, same address: refused for now.
        assertThat(send(encrypted(), auth("PLAIN", b64("\u0000user\u0000" + PASSWORD))))
                .isEqualTo(failure("temporary-auth-failure"));
        // Another address, same account: the account is throttled too.
        FakeSession elsewhere = new FakeSession(SessionState.ENCRYPTED, "192.0.2.99");
        assertThat(send(elsewhere, auth("PLAIN", b64("\u0000user\u0000" + PASSWORD))))
                .isEqualTo(failure("temporary-auth-failure"));
        now.addAndGet(61_000);
        assertThat(send(encrypted(), auth("PLAIN", b64("\u0000user\u0000" + PASSWORD)))).startsWith("<success");
        assertThat(events).contains("failed user@gate.example PLAIN temporary-auth-failure");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private FakeSession encrypted() {
        return new FakeSession(SessionState.ENCRYPTED, "192.0.2.1");
    }

    private String send(FakeSession s, Stanza stanza) throws Exception {
        StanzaHandler handler = dictionary.get(stanza);
        assertThat(handler).as("handler for <%s/>", stanza.getName()).isNotNull();
        Stanza answer = handler.execute(stanza, null, false, s, s.state).getResponseStanza();
        return new Renderer(answer).getComplete();
    }

    private static Stanza auth(String mechanism, String text) {
        StanzaBuilder b = new StanzaBuilder("auth", SASL).addAttribute("mechanism", mechanism);
        if (text != null) {
            b.addText(text);
        }
        return b.build();
    }

    private static Stanza response(String text) {
        return new StanzaBuilder("response", SASL).addText(text).build();
    }

    private static String failure(String condition) {
        return "<failure xmlns=\"" + SASL + "\"><" + condition + "></" + condition + "></failure>";
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String xml, String element) {
        assertThat(xml).startsWith("<" + element);
        String body = xml.substring(xml.indexOf('>') + 1, xml.lastIndexOf("</"));
        return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }

    /** The client side of SCRAM, written from RFC 5802 with javax.crypto, independent of the server's code. */
    private static final class ScramClient {
        final String hmac;
        final String hash;
        final int len;
        final String password;
        final String user;
        final String nonce = "rOprNGfwEbeRWgbNEkqO";
        String expectedServerSignature;

        ScramClient(String hmac, String hash, int len, String password) {
            this(hmac, hash, len, password, "user");
        }

        ScramClient(String hmac, String hash, int len, String password, String user) {
            this.hmac = hmac;
            this.hash = hash;
            this.len = len;
            this.password = password;
            this.user = user;
        }

        String first() {
            return "n,," + bare();
        }

        private String bare() {
            return "n=" + user + ",r=" + nonce;
        }

        String finalMessage(String serverFirst) throws Exception {
            String[] parts = serverFirst.split(",");
            String combined = parts[0].substring(2);
            byte[] salt = Base64.getDecoder().decode(parts[1].substring(2));
            int iterations = Integer.parseInt(parts[2].substring(2));
            byte[] salted = hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
            byte[] clientKey = mac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
            byte[] storedKey = MessageDigest.getInstance(hash).digest(clientKey);
            String withoutProof = "c=biws,r=" + combined;
            byte[] authMessage = (bare() + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
            byte[] signature = mac(storedKey, authMessage);
            byte[] proof = new byte[len];
            for (int i = 0; i < len; i++) {
                proof[i] = (byte) (clientKey[i] ^ signature[i]);
            }
            byte[] serverKey = mac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
            expectedServerSignature = Base64.getEncoder().encodeToString(mac(serverKey, authMessage));
            return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
        }

        /** Hi() of RFC 5802: PBKDF2 with one output block, spelled out. */
        private byte[] hi(byte[] pw, byte[] salt, int iterations) throws Exception {
            byte[] block = new byte[salt.length + 4];
            System.arraycopy(salt, 0, block, 0, salt.length);
            block[block.length - 1] = 1;
            byte[] u = mac(pw, block);
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac(pw, u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        }

        private byte[] mac(byte[] key, byte[] data) throws Exception {
            Mac m = Mac.getInstance(hmac);
            m.init(new SecretKeySpec(key, hmac));
            return m.doFinal(data);
        }
    }
}
