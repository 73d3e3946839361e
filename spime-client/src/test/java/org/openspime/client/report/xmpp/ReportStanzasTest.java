package org.openspime.client.report.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.client.report.BadSignatureException;
import org.openspime.client.report.Fixtures;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.crypto.Recipient;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportError;
import org.openspime.client.report.element.ReportId;

/** What the report IQs write and what the providers make of received stanzas, good and bad. */
class ReportStanzasTest {

    static {
        ReportProviders.register();
    }

    @Test
    void aSealedReportTravelsAsAnIqSetAndReadsBackIdentically() throws Exception {
        ReportSealer sealer = ReportSealer.signing(Fixtures.SPIME, Fixtures.SPIME_KEYS);
        ReportEnvelope envelope = sealer.sealEncrypted(Fixtures.co2Report("r1"),
                Recipient.of(Fixtures.SNID, (RSAPublicKey) Fixtures.SCOPENODE_KEYS.getPublic()));
        ReportIQ iq = ReportIQ.to(JidCreate.from(Fixtures.SNID.toString()), envelope);
        iq.setStanzaId("r-1");
        String xml = iq.toXML().toString();
        assertThat(xml).startsWith("<iq xmlns='jabber:client' to='co2node@gate.example/co2' id='r-1' type='set'>"
                + "<report xmlns='urn:openspime:report:1' id='r1'");
        assertThat(xml).contains(EnvelopeCodec.toXml(envelope));

        ReportIQ received = (ReportIQ) PacketParserUtils.parseStanza(xml);
        assertThat(EnvelopeCodec.toXml(received.envelope())).isEqualTo(EnvelopeCodec.toXml(envelope));
        assertThat(received.getType()).isEqualTo(IQ.Type.set);
    }

    @Test
    void anUnreadableEnvelopeArrivesAsItsRefusalInsteadOfBeingDropped() throws Exception {
        Stanza stanza = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' from='a@gate.example/s' id='x' type='set'>"
                + "<report xmlns='urn:openspime:report:1' id='bad id!' time='2025-03-01T12:00:05Z'/></iq>");
        ReportIQ iq = (ReportIQ) stanza;
        assertThat(iq.unreadableBecause()).isPresent();
        assertThatThrownBy(iq::envelope).isInstanceOf(MalformedReportException.class).hasMessageContaining("id");
    }

    @Test
    void anAckAnswersTheRequestAndReadsBack() throws Exception {
        IQ request = (IQ) PacketParserUtils.parseStanza("<iq xmlns='jabber:client' from='a@gate.example/s' id='r-9' type='get'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>");
        ReportAckIQ ack = ReportAckIQ.answering(request, new ReportAck(ReportId.of("r9"), 3, true));
        String xml = ack.toXML().toString();
        assertThat(xml).isEqualTo("<iq xmlns='jabber:client' to='a@gate.example/s' id='r-9' type='result'>"
                + "<ack xmlns='urn:openspime:report:1' id='r9' readings='3' duplicate='true'/></iq>");
        ReportAckIQ back = (ReportAckIQ) PacketParserUtils.parseStanza(xml);
        assertThat(back.ack()).isEqualTo(new ReportAck(ReportId.of("r9"), 3, true));
    }

    @Test
    void aMalformedAckCarriesItsReason() throws Exception {
        ReportAckIQ back = (ReportAckIQ) PacketParserUtils.parseStanza("<iq xmlns='jabber:client' id='r-9' type='result'>"
                + "<ack xmlns='urn:openspime:report:1' id='r9' readings='many'/></iq>");
        assertThatThrownBy(back::ack).isInstanceOf(MalformedReportException.class);
    }

    @Test
    void everyConditionSurvivesTheStanzaErrorRoundTrip() throws Exception {
        for (ReportCondition condition : ReportCondition.values()) {
            StanzaError error = ReportStanzaErrors.of(condition, "because " + condition);
            IQ answer = IQ.createErrorResponse((IQ) PacketParserUtils.parseStanza(
                    "<iq xmlns='jabber:client' from='a@gate.example/s' id='e' type='get'><ping xmlns='urn:xmpp:ping'/></iq>"), error);
            Stanza parsed = PacketParserUtils.parseStanza(answer.toXML().toString());
            StanzaError back = parsed.getError();
            assertThat(back.getType().toString()).isEqualTo(condition.errorType());
            assertThat(back.getCondition().toString()).isEqualTo(condition.stanzaCondition());
            assertThat(ReportStanzaErrors.read(back)).contains(new ReportError(condition, java.util.Optional.of("because " + condition)));
        }
    }

    @Test
    void aRefusalCarriesItsExceptionsConditionAndMessage() {
        StanzaError error = ReportStanzaErrors.of(new BadSignatureException("signature of r1 does not verify"));
        assertThat(ReportStanzaErrors.read(error)).contains(new ReportError(ReportCondition.BAD_SIGNATURE,
                java.util.Optional.of("signature of r1 does not verify")));
    }

    @Test
    void anErrorWithoutAReportConditionIsNotMistakenForOne() {
        assertThat(ReportStanzaErrors.read(StanzaError.getBuilder(StanzaError.Condition.service_unavailable).build())).isEmpty();
    }
}
