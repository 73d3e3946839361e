package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.certification.Jid;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.KeyRecord;
import org.openspime.client.certification.CertificationManager;
import org.openspime.gate.certification.CertificationMeters;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;

/**
 * A key pair generated on a real gate's console: the PKCS#12 opens with the password shown once, its key is the one
 * the certification service now serves for the entity over XMPP, it downloads once, the form needs its CSRF token,
 * and the private key is nowhere in the gate's data directory.
 */
class KeyGenerationOnGateTest {
    static final String DEVICE = "lora-7@gate.test/spime";
    static final Pattern DOWNLOAD = Pattern.compile("name=\"id\" value=\"([^\"]+)\"");

    TestGate gate;
    OperatorClient operator;

    @BeforeEach
    void start() throws Exception {
        gate = TestGate.start();
        gate.register(OsidKind.SPIME, DEVICE);
        operator = new OperatorClient(gate.http("/"));
        assertThat(operator.signIn("admin", gate.adminPassword()).statusCode()).isEqualTo(303);
        operator.get("/console/keys?jid=lora-7%40gate.test%2Fspime");
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void downloadedPkcs12HoldsTheKeyTheCertificationServiceServesAndComesOnce() throws Exception {
        HttpResponse<String> page = operator.post("/console/keys/generate",
                Map.of("jid", DEVICE, "bits", "2048", "format", "pkcs12"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(201);
        String password = OperatorClient.secretOn(page);
        Matcher id = DOWNLOAD.matcher(page.body());
        assertThat(id.find()).isTrue();

        HttpResponse<byte[]> file = operator.postForBytes("/console/keys/generate/download", Map.of("id", id.group(1)), null);
        assertThat(file.statusCode()).isEqualTo(200);
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(file.body()), password.toCharArray());
        String alias = p12.aliases().nextElement();
        PrivateKey key = (PrivateKey) p12.getKey(alias, password.toCharArray());
        X509Certificate cert = (X509Certificate) p12.getCertificate(alias);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + DEVICE);

        XMPPTCPConnection bystander = gate.newClient("reader@gate.test/spime");
        try {
            KeyRecord served = CertificationManager.getInstanceFor(bystander)
                    .query(Jid.of(DEVICE), KeyQuery.Subscription.UNCHANGED).keys().get(0);
            assertThat(served.pubKey().key()).isEqualTo(cert.getPublicKey());
            assertThat(served.attestations()).isNotEmpty();
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update("report".getBytes(StandardCharsets.UTF_8));
            byte[] signature = s.sign();
            s.initVerify(served.pubKey().key());
            s.update("report".getBytes(StandardCharsets.UTF_8));
            assertThat(s.verify(signature)).as("the private key belongs to the served public key").isTrue();
        } finally {
            bystander.disconnect();
        }

        // the certification activity the overview shows: the gate's own key and this one attested, one query answered
        assertThat(gate.gate().meters().get(CertificationMeters.PUBLISHED).counter().count()).isEqualTo(2.0);
        assertThat(gate.gate().meters().get(CertificationMeters.QUERIES).counter().count()).isEqualTo(1.0);
        assertThat(operator.get("/metrics").body()).contains("openspime_certification_queries_answered_total 1.0");

        HttpResponse<byte[]> again = operator.postForBytes("/console/keys/generate/download", Map.of("id", id.group(1)), null);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(privateKeyBytesIn(gate.gate().config().dataDir(), key.getEncoded())).as("private key on disk").isFalse();
        HttpResponse<String> audit = operator.get("/console/audit?action=key.");
        assertThat(audit.body()).contains("key.generate").contains("key.download").doesNotContain(password);
    }

    @Test
    void generatingWithoutTheCsrfTokenPublishesNothing() throws Exception {
        HttpResponse<byte[]> forged = operator.postForBytes("/console/keys/generate",
                Map.of("jid", DEVICE, "bits", "2048", "format", "pem"), "not-the-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> gate.gate().certification().service().query(Jid.of(DEVICE)))
                .isInstanceOf(NoKeyPublishedException.class);
    }

    /** Whether any file under the data directory (H2 database included) contains the key's PKCS#8 bytes. */
    private static boolean privateKeyBytesIn(Path dir, byte[] pkcs8) throws Exception {
        byte[] probe = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 64, pkcs8.length);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                if (indexOf(content, probe) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
