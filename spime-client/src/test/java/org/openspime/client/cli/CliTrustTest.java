package org.openspime.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;

/** The CLI's trust in certification gates: its own gate's key and other gates', each under its service's JID. */
class CliTrustTest {
    @TempDir
    Path dir;

    @Test
    void ownAndOtherGatesCertificationKeysAreTrustedUnderTheirServices() throws Exception {
        KeyPair own = RsaKeys.generate(2048);
        KeyPair other = RsaKeys.generate(2048);
        Path ownPem = pem("own.pem", own);
        Path otherPem = pem("other.pem", other);
        CliSettings s = CliSettings.load(Optional.empty(), Map.of(), Map.of("certification.key", ownPem.toString(),
                "certification.trust-gates", "certification.b.example=" + otherPem));

        TrustAnchors anchors = CliSpime.anchors(s, Jid.of("valve@a.example/spime"));

        assertThat(anchors.key(Jid.of("certification.a.example"), Fingerprint.of(own.getPublic()))).isPresent();
        assertThat(anchors.key(Jid.of("certification.b.example"), Fingerprint.of(other.getPublic()))).isPresent();
        assertThat(anchors.key(Jid.of("certification.b.example"), Fingerprint.of(own.getPublic()))).isEmpty();
    }

    @Test
    void aMalformedEntryOrAFileWithoutAKeyIsAClearError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no key here\n");
        assertThatThrownBy(() -> CliSpime.anchors(CliSettings.load(Optional.empty(), Map.of(),
                Map.of("certification.trust-gates", "certification.b.example")), Jid.of("v@a.example/spime")))
                .isInstanceOf(IOException.class).hasMessageContaining("SERVICE=PEM_FILE");
        assertThatThrownBy(() -> CliSpime.anchors(CliSettings.load(Optional.empty(), Map.of(),
                Map.of("certification.trust-gates", "certification.b.example=" + empty)), Jid.of("v@a.example/spime")))
                .isInstanceOf(IOException.class).hasMessageContaining("no '-----BEGIN PUBLIC KEY-----' block");
    }

    private Path pem(String name, KeyPair pair) throws IOException {
        return Files.writeString(dir.resolve(name), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }
}
