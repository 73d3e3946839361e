package org.openspime.certification.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.certification.codec.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.openspime.certification.MalformedElementException;

class AttestationCodecTest {

    @Test
    void attestationIsExactlyThisAndParsesBack() throws Exception {
        assertThat(AttestationCodec.toXml(ATTESTATION)).isEqualTo(ATTEST_XML);
        assertThat(AttestationCodec.parse(ATTEST_XML)).isEqualTo(ATTESTATION);
    }

    @Test
    void missingSignatureOrUnknownAlgorithmIsRefused() {
        assertThatThrownBy(() -> AttestationCodec.parse(ATTEST_XML.replace("<signature algo='rsa-sha256'>AQID</signature>", "")))
                .isInstanceOf(MalformedElementException.class).hasMessage("<attest/> lacks its <signature/>");
        assertThatThrownBy(() -> AttestationCodec.parse(ATTEST_XML.replace("rsa-sha256", "rsa-md5")))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("'rsa-md5' is not rsa-sha256");
        assertThatThrownBy(() -> AttestationCodec.parse(ATTEST_XML.replace("AQID", "")))
                .isInstanceOf(MalformedElementException.class).hasMessage("<signature/> is empty");
        assertThatThrownBy(() -> AttestationCodec.parse(ATTEST_XML.replace("AQID", "AQ!D")))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("not valid base64");
    }

    @Test
    void missingSignerFingerprintIsNamed() {
        assertThatThrownBy(() -> AttestationCodec.parse(ATTEST_XML.replace(" signer-fingerprint='" + GATE_FINGERPRINT + "'", "")))
                .hasMessage("<attest/> lacks the 'signer-fingerprint' attribute");
    }
}
