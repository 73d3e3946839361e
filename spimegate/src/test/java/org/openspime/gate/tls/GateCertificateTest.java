package org.openspime.gate.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.gate.config.GateConfig;

class GateCertificateTest {
    @TempDir
    Path dir;

    private GateConfig config(Path keystore, String password) {
        return new GateConfig("gate.example", "127.0.0.1", 0, 0, 0, dir, null, null, null, keystore, password,
                GateConfig.Limits.defaults(), GateConfig.DEFAULT_MAX_KEY_LIFE);
    }

    @Test
    void firstStartGeneratesASelfSignedCertificateThatLaterStartsReuse() throws Exception {
        GateCertificate first = GateCertificate.loadOrCreate(config(null, null));
        X509Certificate cert = first.certificate();
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=gate.example");
        assertThat(cert.getSubjectAlternativeNames()).containsExactly(List.of(2, "gate.example"));
        assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        Duration validity = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
        assertThat(validity.toDays()).isBetween(729L, 731L);
        assertThat(first.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(first.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(first.serverContext().getProtocol()).isEqualTo("TLS");

        Path tls = dir.resolve("tls");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("gate.p12"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("gate.p12.password"))))
                .isEqualTo("rw-------");

        GateCertificate again = GateCertificate.loadOrCreate(config(null, null));
        assertThat(again.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
    }

    @Test
    void aConfiguredKeystoreIsUsedAsIs() throws Exception {
        GateCertificate generated = GateCertificate.loadOrCreate(config(null, null));
        Path copy = dir.resolve("operator.p12");
        Files.copy(dir.resolve("tls/gate.p12"), copy);
        GateCertificate configured = GateCertificate.loadOrCreate(config(copy, new String(generated.password())));
        assertThat(configured.sha256Fingerprint()).isEqualTo(generated.sha256Fingerprint());
        assertThat(configured.keyStore().isKeyEntry(configured.alias())).isTrue();
    }
}
