package org.openspime.certification.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.certification.codec.Fixtures.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.KeyRecord;

class KeyListCodecTest {

    @Test
    void queriesAreExactlyThese() throws Exception {
        assertThat(KeyListCodec.toXml(KeyQuery.of(SPIME)))
                .isEqualTo("<pubkeys xmlns='urn:xmpp:pubkey:2' jid='4a6b-5638@gate.example/spime'/>");
        assertThat(KeyListCodec.toXml(new KeyQuery(SPIME, KeyQuery.Subscription.SUBSCRIBE)))
                .isEqualTo("<pubkeys xmlns='urn:xmpp:pubkey:2' jid='4a6b-5638@gate.example/spime' subscribe='true'/>");
        for (KeyQuery.Subscription s : KeyQuery.Subscription.values()) {
            KeyQuery query = new KeyQuery(SPIME, s);
            assertThat(KeyListCodec.parseQuery(KeyListCodec.toXml(query))).isEqualTo(query);
        }
    }

    @Test
    void badSubscribeValueIsRefused() {
        assertThatThrownBy(() -> KeyListCodec.parseQuery("<pubkeys xmlns='urn:xmpp:pubkey:2' jid='a@b' subscribe='yes'/>"))
                .hasMessageContaining("'yes' is not an xs:boolean");
    }

    @Test
    void answerHoldsEveryRecordAndRoundTrips() throws Exception {
        KeyList list = new KeyList(SPIME, List.of(new KeyRecord(PUBKEY, List.of(ATTESTATION), Optional.empty())));
        String xml = KeyListCodec.toXml(list);
        assertThat(xml).isEqualTo("<pubkeys xmlns='urn:xmpp:pubkey:2' jid='4a6b-5638@gate.example/spime'>"
                + PUBKEY_XML.replace("</pubkey>", ATTEST_XML + "</pubkey>") + "</pubkeys>");
        assertThat(KeyListCodec.parse(xml)).isEqualTo(list);
    }

    @Test
    void emptyAnswerMeansNoKeys() throws Exception {
        assertThat(KeyListCodec.parse("<pubkeys xmlns='urn:xmpp:pubkey:2' jid='a@b'/>").keys()).isEmpty();
    }

    @Test
    void keyOfAnotherJidInsideTheListIsRefused() {
        String xml = "<pubkeys xmlns='urn:xmpp:pubkey:2' jid='other@gate.example'>" + PUBKEY_XML + "</pubkeys>";
        assertThatThrownBy(() -> KeyListCodec.parse(xml))
                .hasMessage("<pubkeys/> of other@gate.example holds a <pubkey/> of " + SPIME);
        assertThat(Jid.of("other@gate.example")).isNotEqualTo(SPIME);
    }
}
