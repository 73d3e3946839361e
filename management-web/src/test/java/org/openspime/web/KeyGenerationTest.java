package org.openspime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openspime.web.identity.IdentityKind;

/** Online key-pair generation on the keys page: certified, handed over once, CSRF-protected, audited. */
class KeyGenerationTest {

    static final String DEVICE = "lora-7@gate.example/spime";
    static final Pattern SECRET = Pattern.compile("class=\"secret-value\"[^>]*>([^<]+)<");
    static final Pattern DOWNLOAD = Pattern.compile("name=\"id\" value=\"([^\"]+)\"");

    ConsoleFixture gate;
    ConsoleClient client;

    @BeforeEach
    void start() throws Exception {
        gate = new ConsoleFixture();
        gate.identities.create(IdentityKind.SPIME, DEVICE, "LoRa sensor without a key generator", false);
        client = new ConsoleClient(gate).signedIn();
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    void pkcs12OpensWithTheShownPasswordHoldsTheCertifiedKeyAndDownloadsOnce() throws Exception {
        assertThat(client.get("/console/keys?jid=" + enc(DEVICE)).body()).contains("Generate a key pair for this entity");
        HttpResponse<String> page = client.post("/console/keys/generate",
                Map.of("jid", DEVICE, "bits", "2048", "format", "pkcs12"));
        assertThat(page.statusCode()).isEqualTo(201);
        String password = find(SECRET, page.body());
        String id = find(DOWNLOAD, page.body());

        HttpResponse<byte[]> file = download(id, client.csrf());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".p12");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(file.body()), password.toCharArray());
        String alias = p12.aliases().nextElement();
        PrivateKey key = (PrivateKey) p12.getKey(alias, password.toCharArray());
        assertThat(((RSAPrivateCrtKey) key).getModulus().bitLength()).isEqualTo(2048);
        byte[] published = p12.getCertificate(alias).getPublicKey().getEncoded();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(published)))
                .isEqualTo(gate.keys.keysOf(DEVICE).get(0).fingerprint());

        HttpResponse<byte[]> again = download(id, client.csrf());
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(new String(again.body(), StandardCharsets.UTF_8)).contains("already downloaded");
        assertThat(gate.audit.all()).extracting(e -> e.action()).contains("key.generate", "key.download");
        assertThat(gate.audit.all()).allSatisfy(e -> assertThat(e.detail()).doesNotContain(password));
    }

    @Test
    void pemHoldsAnUnencryptedPkcs8KeyAndTheCertificate() throws Exception {
        HttpResponse<String> page = client.post("/console/keys/generate",
                Map.of("jid", DEVICE, "bits", "3072", "format", "pem"));
        assertThat(page.body()).contains("unencrypted").doesNotContain("secret-value");
        String pem = new String(download(find(DOWNLOAD, page.body()), client.csrf()).body(), StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").contains("-----BEGIN CERTIFICATE-----");
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END PRIVATE KEY-----")).replace("\n", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        assertThat(((RSAPrivateCrtKey) key).getModulus().bitLength()).isEqualTo(3072);
    }

    @Test
    void withoutTheCsrfTokenNothingIsGeneratedOrDownloaded() throws Exception {
        HttpResponse<String> forged = client.postRaw("/console/keys/generate",
                Map.of("jid", DEVICE, "bits", "2048", "format", "pkcs12"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(gate.keys.keysOf(DEVICE)).isEmpty();
        String id = find(DOWNLOAD, client.post("/console/keys/generate",
                Map.of("jid", DEVICE, "bits", "2048", "format", "pkcs12")).body());
        assertThat(download(id, "forged-token").statusCode()).isEqualTo(403);
        assertThat(download(id, client.csrf()).statusCode()).as("still there for the real form").isEqualTo(200);
    }

    @Test
    void badSizesFormatsAndUnknownEntitiesAreRefusedWithAMessage() throws Exception {
        HttpResponse<String> small = client.post("/console/keys/generate", Map.of("jid", DEVICE, "bits", "1024", "format", "pkcs12"));
        assertThat(small.statusCode()).isEqualTo(400);
        assertThat(small.body()).contains("choose 2048 or 3072");
        HttpResponse<String> format = client.post("/console/keys/generate", Map.of("jid", DEVICE, "bits", "2048", "format", "jks"));
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body()).contains("Choose PKCS#12 or PEM");
        HttpResponse<String> unknown = client.post("/console/keys/generate",
                Map.of("jid", "ghost@gate.example/spime", "bits", "2048", "format", "pem"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No identity ghost@gate.example/spime");
        assertThat(gate.keys.keysOf(DEVICE)).isEmpty();
    }

    @Test
    void anUntakenKeyIsWipedAfterTenMinutes() throws Exception {
        String id = find(DOWNLOAD, client.post("/console/keys/generate",
                Map.of("jid", DEVICE, "bits", "2048", "format", "pem")).body());
        gate.clock.advance(Duration.ofMinutes(11));
        assertThat(download(id, client.csrf()).statusCode()).isEqualTo(410);
    }

    private HttpResponse<byte[]> download(String id, String csrf) throws Exception {
        String form = "csrf=" + enc(csrf) + "&id=" + enc(id);
        return client.http().send(HttpRequest.newBuilder(gate.uri("/console/keys/generate/download"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertThat(m.find()).as("%s in the page", p).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
