package org.openspime.client.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.RevocationRequest;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.certification.element.KeyChangeNotification;
import org.openspime.client.certification.element.PubKeysIQ;
import org.openspime.client.certification.element.RevokeIQ;
import org.openspime.client.certification.provider.CertificationProviders;

/** The exact XML the Smack elements write (the codecs' own) and what the providers make of literal stanzas. */
class CertificationStanzasTest {
    static final String FP = "3A:F0:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:9C";

    static {
        CertificationProviders.register();
    }

    @Test
    void keyQueryIqCarriesTheCodecsElement() throws Exception {
        PubKeysIQ iq = PubKeysIQ.query(new KeyQuery(Jid.of("4a6b-5638@gate.example/spime"), KeyQuery.Subscription.SUBSCRIBE),
                JidCreate.from("certify.gate.example"));
        iq.setStanzaId("q1");
        assertThat(iq.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' to='certify.gate.example' id='q1' type='get'>"
                + "<pubkeys xmlns='urn:xmpp:pubkey:2' jid='4a6b-5638@gate.example/spime' subscribe='true'/></iq>");
    }

    @Test
    void revocationRequestIqCarriesTheCodecsElement() throws Exception {
        RevokeIQ iq = RevokeIQ.request(new RevocationRequest(Fingerprint.parse(FP), RevocationReason.KEY_COMPROMISE),
                JidCreate.from("certify.gate.example"));
        iq.setStanzaId("rev1");
        assertThat(iq.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' to='certify.gate.example' id='rev1' type='set'>"
                + "<revoke xmlns='urn:xmpp:revoke:2' fingerprint='" + FP + "' reason='key-compromise'/></iq>");
    }

    @Test
    void emptyKeyListResultIsParsedThroughTheCodec() throws Exception {
        Stanza stanza = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' from='certify.gate.example' id='q1' type='result'>"
                + "<pubkeys xmlns='urn:xmpp:pubkey:2' jid='4a6b-5638@gate.example/spime'/></iq>");
        assertThat(((PubKeysIQ) stanza).payload().jid()).isEqualTo(Jid.of("4a6b-5638@gate.example/spime"));
        assertThat(((PubKeysIQ) stanza).payload().keys()).isEmpty();
    }

    @Test
    void malformedResultBecomesAnIqCarryingTheReasonInsteadOfBeingDropped() throws Exception {
        Stanza stanza = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' from='certify.gate.example' id='q1' type='result'>"
                + "<pubkeys xmlns='urn:xmpp:pubkey:2'/></iq>");
        assertThatThrownBy(((PubKeysIQ) stanza)::payload).isInstanceOf(MalformedElementException.class).hasMessageContaining("jid");
    }

    @Test
    void changeNotificationInAHeadlineIsReadAndAnUnreadableOneKeepsItsJid() throws Exception {
        Message ok = (Message) PacketParserUtils.parseStanza("<message xmlns='jabber:client' from='certify.gate.example' type='headline'>"
                + "<pubkeys xmlns='urn:xmpp:pubkey:2' jid='4a6b-5638@gate.example/spime'/></message>");
        assertThat(ok.getExtension(KeyChangeNotification.class).keys().keys()).isEmpty();
        Message broken = (Message) PacketParserUtils.parseStanza("<message xmlns='jabber:client' from='certify.gate.example' type='headline'>"
                + "<pubkeys xmlns='urn:xmpp:pubkey:2' jid='4a6b-5638@gate.example/spime'><pubkey jid='x@y'/></pubkeys></message>");
        KeyChangeNotification n = broken.getExtension(KeyChangeNotification.class);
        assertThat(n.jid()).contains(Jid.of("4a6b-5638@gate.example/spime"));
        assertThatThrownBy(n::keys).isInstanceOf(MalformedElementException.class);
    }
}
