package org.openspime.certification.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openspime.certification.Jid;
import org.openspime.certification.TestKeys;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;

class SignedBytesTest {

    private static final PubKey KEY = new PubKey(Jid.of("s@g.example/r"), (java.security.interfaces.RSAPublicKey) TestKeys.SPIME.getPublic(),
            Instant.parse("2025-03-01T12:00:00Z"), Instant.parse("2026-03-01T12:00:00Z"));
    private static final Jid GATE = Jid.of("certify.g.example");
    private static final Fingerprint GATE_FP = Fingerprint.of(TestKeys.GATE.getPublic());

    @Test
    void eachFieldIsAFourByteBigEndianLengthThenUtf8() {
        assertThat(HexFormat.of().formatHex(SignedBytes.fields("ab", "", "é")))
                .isEqualTo("00000002" + "6162" + "00000000" + "00000002" + "c3a9");
    }

    @Test
    void lengthPrefixesKeepFieldBoundariesUnambiguous() {
        assertThat(SignedBytes.fields("a", "bc")).isNotEqualTo(SignedBytes.fields("ab", "c"));
    }

    @Test
    void attestationBytesAreTheDocumentedFieldsInOrder() {
        byte[] expected = SignedBytes.fields("urn:xmpp:attest:2", "s@g.example/r", KEY.fingerprint().toString(),
                "2025-03-01T12:00:00Z", "2026-03-01T12:00:00Z", "certify.g.example", GATE_FP.toString(), "2025-03-01T12:00:05Z");
        assertThat(SignedBytes.ofAttestation(KEY, GATE, GATE_FP, Instant.parse("2025-03-01T12:00:05.900Z"))).isEqualTo(expected);
        assertThat(new String(expected, 4, 17, StandardCharsets.UTF_8)).isEqualTo("urn:xmpp:attest:2");
    }

    @Test
    void revocationBytesAreTheDocumentedFieldsInOrderAndDifferFromAttestations() {
        byte[] expected = SignedBytes.fields("urn:xmpp:revoke:2", "s@g.example/r", KEY.fingerprint().toString(),
                "2025-06-01T00:00:00Z", "key-compromise", "certify.g.example", GATE_FP.toString());
        assertThat(SignedBytes.ofRevocation(KEY.jid(), KEY.fingerprint(), Instant.parse("2025-06-01T00:00:00Z"),
                RevocationReason.KEY_COMPROMISE, GATE, GATE_FP)).isEqualTo(expected);
    }
}
