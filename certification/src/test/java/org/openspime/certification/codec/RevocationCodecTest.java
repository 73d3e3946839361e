package org.openspime.certification.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.certification.codec.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.RevocationRequest;

class RevocationCodecTest {

    @Test
    void requestIsExactlyThisAndParsesBack() throws Exception {
        RevocationRequest request = new RevocationRequest(FINGERPRINT, RevocationReason.SUPERSEDED);
        String xml = RevocationCodec.toXml(request);
        assertThat(xml).isEqualTo("<revoke xmlns='urn:xmpp:revoke:2' fingerprint='" + FINGERPRINT + "' reason='superseded'/>");
        assertThat(RevocationCodec.parseRequest(xml)).isEqualTo(request);
    }

    @Test
    void requestWithoutReasonIsUnspecified() throws Exception {
        assertThat(RevocationCodec.parseRequest("<revoke xmlns='urn:xmpp:revoke:2' fingerprint='" + FINGERPRINT + "'/>").reason())
                .isEqualTo(RevocationReason.UNSPECIFIED);
    }

    @Test
    void signedNoticeIsExactlyThisAndParsesBack() throws Exception {
        assertThat(RevocationCodec.toXml(REVOCATION)).isEqualTo(REVOKE_XML);
        assertThat(RevocationCodec.parse(REVOKE_XML)).isEqualTo(REVOCATION);
    }

    @Test
    void unknownReasonAndUnsignedNoticeAreRefused() {
        assertThatThrownBy(() -> RevocationCodec.parse(REVOKE_XML.replace("key-compromise", "bored")))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("unknown revocation reason 'bored'");
        assertThatThrownBy(() -> RevocationCodec.parse(REVOKE_XML.replace("<signature algo='rsa-sha256'>BAUG</signature>", "")))
                .hasMessage("<revoke/> lacks its <signature/>");
        assertThatThrownBy(() -> RevocationCodec.parseRequest("<revoke xmlns='urn:xmpp:revoke:2' fingerprint='AB'/>"))
                .hasMessageContaining("bad fingerprint");
    }
}
