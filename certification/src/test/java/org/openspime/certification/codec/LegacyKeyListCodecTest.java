package org.openspime.certification.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.certification.codec.Fixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.element.LegacyKeyList;

class LegacyKeyListCodecTest {

    @Test
    void queryIsTheTwoThousandEightForm() throws Exception {
        String xml = LegacyKeyListCodec.queryXml(SPIME);
        assertThat(xml).isEqualTo("<pubkeys xmlns='urn:xmpp:tmp:pubkey' jid='4a6b-5638@gate.example/spime'/>");
        assertThat(LegacyKeyListCodec.parseQuery(xml)).isEqualTo(SPIME);
    }

    @Test
    void answerListsBareKeysAndRoundTrips() throws Exception {
        LegacyKeyList list = new LegacyKeyList(SPIME, List.of(KEY));
        String xml = LegacyKeyListCodec.toXml(list);
        assertThat(xml).isEqualTo("<pubkeys xmlns='urn:xmpp:tmp:pubkey' jid='4a6b-5638@gate.example/spime'>"
                + "<pubkey>" + KEY_BASE64 + "</pubkey></pubkeys>");
        assertThat(LegacyKeyListCodec.parse(xml)).isEqualTo(list);
    }

    @Test
    void brokenKeyInTheAnswerIsAMalformedKey() {
        String xml = "<pubkeys xmlns='urn:xmpp:tmp:pubkey' jid='a@b'><pubkey>AAAA=</pubkey></pubkeys>";
        assertThatThrownBy(() -> LegacyKeyListCodec.parse(xml)).isInstanceOf(MalformedKeyException.class);
    }

    @Test
    void theNewNamespaceIsNotTakenForTheOldOne() {
        assertThatThrownBy(() -> LegacyKeyListCodec.parseQuery("<pubkeys xmlns='urn:xmpp:pubkey:2' jid='a@b'/>"))
                .hasMessageContaining("expected <pubkeys xmlns='urn:xmpp:tmp:pubkey'>");
    }
}
