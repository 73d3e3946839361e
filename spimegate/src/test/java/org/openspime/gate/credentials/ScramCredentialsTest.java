package org.openspime.gate.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScramCredentialsTest {

    /** The example exchange of RFC 5802 section 5 (user "user", password "pencil"). */
    @Test
    void rfc5802ExampleProofVerifiesAndServerSignatureMatches() {
        byte[] salt = Base64.getDecoder().decode("QSXCR+Q6sek8bf92");
        ScramCredentials c = ScramCredentials.derive(ScramAlgorithm.SHA_1, "pencil", salt, 4096);
        byte[] authMessage = ("n=user,r=fyko+d2lbbFgONRv9qkxdawL,"
                + "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096,"
                + "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j").getBytes(StandardCharsets.US_ASCII);
        assertThat(c.verifyProof(authMessage, Base64.getDecoder().decode("v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="))).isTrue();
        assertThat(Base64.getEncoder().encodeToString(c.serverSignature(authMessage)))
                .isEqualTo("rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    /** The example exchange of RFC 7677 section 3 (SCRAM-SHA-256). */
    @Test
    void rfc7677ExampleProofVerifies() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramCredentials c = ScramCredentials.derive(ScramAlgorithm.SHA_256, "pencil", salt, 4096);
        byte[] authMessage = ("n=user,r=rOprNGfwEbeRWgbNEkqO,"
                + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
                + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0").getBytes(StandardCharsets.US_ASCII);
        assertThat(c.verifyProof(authMessage,
                Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="))).isTrue();
        assertThat(Base64.getEncoder().encodeToString(c.serverSignature(authMessage)))
                .isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void verifyAcceptsTheRightPasswordOnly() {
        ScramCredentials c = ScramCredentials.derive(ScramAlgorithm.SHA_256, "correct horse");
        assertThat(c.verify("correct horse")).isTrue();
        assertThat(c.verify("correct horsE")).isFalse();
        assertThat(c.verify("")).isFalse();
        assertThat(c.salt()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(c.iterations()).isGreaterThanOrEqualTo(4096);
    }

    @Test
    void saltsAreFreshPerDerivation() {
        ScramCredentials a = ScramCredentials.derive(ScramAlgorithm.SHA_1, "same");
        ScramCredentials b = ScramCredentials.derive(ScramAlgorithm.SHA_1, "same");
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.storedKey()).isNotEqualTo(b.storedKey());
    }

    @Test
    void lowIterationCountsAreRefused() {
        assertThatThrownBy(() -> ScramCredentials.derive(ScramAlgorithm.SHA_1, "x", new byte[16], 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedPasswordsAreUrlSafeStartWithALetterOrDigitAndAreDistinct() {
        PasswordGenerator g = new PasswordGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String p = g.generate();
            assertThat(p).hasSize(20).matches("[A-Za-z0-9][A-Za-z0-9_-]+");
            seen.add(p);
        }
        assertThat(seen).hasSize(1000);
    }
}
