package org.openspime.gate.federation.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which certificates prove a peer domain: pins per domain, or a chain to a configured CA naming the domain. */
class PeerTrustTest {
    @TempDir
    Path dir;

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate issue(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                         boolean ca, String dnsName) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                BigInteger.valueOf(System.nanoTime()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign
                : KeyUsage.digitalSignature));
        if (dnsName != null) {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private Path pem(X509Certificate cert) throws Exception {
        Path f = Files.createTempFile(dir, "ca", ".pem");
        Files.writeString(f, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                cert.getEncoded()) + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return f;
    }

    @Test
    void chainToAConfiguredCaProvesTheDomainsItNames() throws Exception {
        KeyPair caKeys = keys();
        X509Certificate ca = issue("Test CA", caKeys, "Test CA", caKeys, true, null);
        KeyPair leafKeys = keys();
        X509Certificate leaf = issue("peer.test", leafKeys, "Test CA", caKeys, false, "peer.test");
        X509Certificate wildcard = issue("example.test", leafKeys, "Test CA", caKeys, false, "*.example.test");
        PeerTrust trust = new PeerTrust(Map.of(), List.of(pem(ca)));

        trust.check("peer.test", new X509Certificate[] {leaf, ca});
        trust.check("PEER.test", new X509Certificate[] {leaf});
        trust.check("gate.example.test", new X509Certificate[] {wildcard, ca});
        assertThatThrownBy(() -> trust.check("other.test", new X509Certificate[] {leaf, ca}))
                .hasMessageContaining("is not issued for that domain");
        assertThatThrownBy(() -> trust.check("a.gate.example.test", new X509Certificate[] {wildcard, ca}))
                .hasMessageContaining("is not issued for that domain");
    }

    @Test
    void selfSignedCertificateIsRefusedUnlessPinnedForThatDomain() throws Exception {
        KeyPair k = keys();
        X509Certificate selfSigned = issue("peer.test", k, "peer.test", k, false, "peer.test");
        X509Certificate[] chain = {selfSigned};

        assertThatThrownBy(() -> new PeerTrust(Map.of(), List.of()).check("peer.test", chain))
                .hasMessageContaining("no certificate is pinned for peer peer.test")
                .hasMessageContaining(PeerTrust.fingerprint(selfSigned));
        KeyPair caKeys = keys();
        X509Certificate ca = issue("Test CA", caKeys, "Test CA", caKeys, true, null);
        assertThatThrownBy(() -> new PeerTrust(Map.of(), List.of(pem(ca))).check("peer.test", chain))
                .hasMessageContaining("does not validate to a configured CA");

        PeerTrust pinned = new PeerTrust(Map.of("peer.test", PeerTrust.fingerprint(selfSigned)), List.of());
        pinned.check("peer.test", chain);
        PeerTrust plainHexPin = new PeerTrust(Map.of("peer.test",
                PeerTrust.fingerprint(selfSigned).replace(":", "").toLowerCase()), List.of());
        plainHexPin.check("peer.test", chain);
        assertThatThrownBy(() -> pinned.check("other.test", chain)).isInstanceOf(PeerTrust.Untrusted.class);
        X509Certificate another = issue("peer.test", keys(), "peer.test", k, false, "peer.test");
        assertThatThrownBy(() -> pinned.check("peer.test", new X509Certificate[] {another}))
                .hasMessageContaining("which is not the one pinned for it");
    }

    @Test
    void aPinThatIsNotASha256FingerprintIsAConfigurationError() {
        assertThatThrownBy(() -> new PeerTrust(Map.of("peer.test", "AB:CD"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> new PeerTrust(Map.of("peer.test", "not hex at all"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not hex");
    }
}
