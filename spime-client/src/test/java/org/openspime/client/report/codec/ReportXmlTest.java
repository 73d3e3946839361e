package org.openspime.client.report.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openspime.client.report.Fixtures.SNID;
import static org.openspime.client.report.Fixtures.SPIME;
import static org.openspime.client.report.Fixtures.T0;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.Fixtures;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.Originator;
import org.openspime.client.report.element.OriginatorSignature;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportError;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Transport;
import org.openspime.client.report.element.TransportKey;

/** The exact XML of every report element, and that reading it gives back the value. */
class ReportXmlTest {

    static final String FP = "3A:F0:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:9C";
    static final String FP2 = "C1:07:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:4E";

    @Test
    void dataDocumentHasOneExactFormWithEscapesAndFractionsOnlyWhenNeeded() throws Exception {
        Report report = Fixtures.co2Report("r1");
        String xml = new String(DataCodec.toBytes(report), StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<data xmlns='urn:openspime:report:1' scope='co2-monitoring'>"
                + "<reading time='2025-03-01T12:00:00Z'><location lat='45.4642' lon='9.19' elevation='122.5'/>"
                + "<value name='co2' type='decimal' unit='ppm'>415.2</value>"
                + "<value name='temperature' type='decimal' unit='Cel'>21.75</value>"
                + "<value name='calibrated' type='boolean'>true</value></reading>"
                + "<reading time='2025-03-01T12:01:00.250Z'><value name='samples' type='integer'>12</value>"
                + "<value name='note' type='text'>fan &lt;on&gt; &amp; 'high'</value></reading></data>");
        assertThat(DataCodec.parse(DataCodec.toBytes(report), report.id(), SPIME, ReportLimits.DEFAULT)).isEqualTo(report);
    }

    @Test
    void textValuesKeepCarriageReturnsAndTabsThroughARoundTrip() throws Exception {
        Report report = new Report(ReportId.of("r2"), SPIME, "s", java.util.List.of(org.openspime.client.report.element.Reading.at(T0,
                org.openspime.client.report.element.Value.text("log", "a\r\nb\tc"))));
        byte[] bytes = DataCodec.toBytes(report);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(">a&#13;\nb\tc</value>");
        assertThat(DataCodec.parse(bytes, report.id(), SPIME, ReportLimits.DEFAULT)).isEqualTo(report);
    }

    @Test
    void textThatXmlCannotCarryIsRefusedWhenTheValueIsMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.openspime.client.report.element.Value.text("t", "bell\u0007"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0007");
    }

    @Test
    void readerAcceptsOffsetsAndNanosecondsAndKeepsMicroseconds() throws Exception {
        String xml = "<data xmlns='urn:openspime:report:1' scope='s'><reading time='2025-03-01T13:00:00.123456789+01:00'>"
                + "<value name='x' type='integer'>-7</value></reading></data>";
        Report r = DataCodec.parse(xml.getBytes(StandardCharsets.UTF_8), ReportId.of("r"), SPIME, ReportLimits.DEFAULT);
        assertThat(r.readings().get(0).time()).isEqualTo(java.time.Instant.parse("2025-03-01T12:00:00.123456Z"));
        assertThat(r.readings().get(0).values().get(0).integer()).isEqualTo(-7);
    }

    @Test
    void encryptedEnvelopeWithWrappedKey() throws Exception {
        ReportEnvelope envelope = new ReportEnvelope(ReportId.of("0190f3a1b2c3d4e5f60718293a4b5c6d"), T0,
                new Originator(SPIME, Optional.of(new OriginatorSignature(Fingerprint.parse(FP), new byte[] {1, 2, 3}))),
                Transport.encrypted(SNID, new TransportKey("kid-1", Fingerprint.parse(FP2), Optional.of(new byte[] {9, 9})),
                        new byte[12], new byte[17]));
        String xml = EnvelopeCodec.toXml(envelope);
        assertThat(xml).isEqualTo("<report xmlns='urn:openspime:report:1' id='0190f3a1b2c3d4e5f60718293a4b5c6d' time='2025-03-01T12:00:00Z'>"
                + "<originator jid='4a6b-5638@gate.example/spime' key='" + FP + "'><signature algo='rsa-sha256'>AQID</signature></originator>"
                + "<transport enc='aes-256-gcm' recipient='co2node@gate.example/co2' nonce='AAAAAAAAAAAAAAAA'>"
                + "<key key-id='kid-1' recipient-key='" + FP2 + "' wrap='rsa-oaep-sha256'>CQk=</key>"
                + "<payload>AAAAAAAAAAAAAAAAAAAAAAA=</payload></transport></report>");
        assertThat(EnvelopeCodec.toXml(EnvelopeCodec.parse(xml, ReportLimits.DEFAULT))).isEqualTo(xml);
    }

    @Test
    void keyReferenceIsAnEmptyKeyAndPlainUnsignedHasNeitherKeyNorNonce() throws Exception {
        ReportEnvelope reference = new ReportEnvelope(ReportId.of("r3"), T0, new Originator(SPIME, Optional.empty()),
                Transport.encrypted(SNID, new TransportKey("kid-1", Fingerprint.parse(FP2), Optional.empty()), new byte[12], new byte[16]));
        assertThat(EnvelopeCodec.toXml(reference)).contains("<originator jid='4a6b-5638@gate.example/spime'/>")
                .contains("<key key-id='kid-1' recipient-key='" + FP2 + "'/>");
        String plain = EnvelopeCodec.toXml(new ReportEnvelope(ReportId.of("r4"), T0, new Originator(SPIME, Optional.empty()),
                Transport.plain(SNID, "<data/>".getBytes(StandardCharsets.UTF_8))));
        assertThat(plain).isEqualTo("<report xmlns='urn:openspime:report:1' id='r4' time='2025-03-01T12:00:00Z'>"
                + "<originator jid='4a6b-5638@gate.example/spime'/><transport enc='none' recipient='co2node@gate.example/co2'>"
                + "<payload>PGRhdGEvPg==</payload></transport></report>");
        assertThat(EnvelopeCodec.toXml(EnvelopeCodec.parse(plain, ReportLimits.DEFAULT))).isEqualTo(plain);
    }

    @Test
    void readerSkipsUnknownChildrenAndAcceptsWrappedBase64() throws Exception {
        String xml = "<report xmlns='urn:openspime:report:1' id='r5' time='2025-03-01T12:00:00Z'>\n"
                + "  <x:extra xmlns:x='urn:example'><x:y/></x:extra>\n"
                + "  <originator jid='4a6b-5638@gate.example/spime'/>\n"
                + "  <transport enc='none' recipient='co2node@gate.example/co2'><payload>PGRh\n  dGEv\nPg==</payload></transport>\n"
                + "</report>";
        assertThat(EnvelopeCodec.parse(xml, ReportLimits.DEFAULT).transport().payload()).isEqualTo("<data/>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ackPinned() throws Exception {
        assertThat(AckCodec.toXml(new ReportAck(ReportId.of("r1"), 12, false))).isEqualTo("<ack xmlns='urn:openspime:report:1' id='r1' readings='12'/>");
        String dup = AckCodec.toXml(new ReportAck(ReportId.of("r1"), 12, true));
        assertThat(dup).isEqualTo("<ack xmlns='urn:openspime:report:1' id='r1' readings='12' duplicate='true'/>");
        assertThat(AckCodec.parse(dup)).isEqualTo(new ReportAck(ReportId.of("r1"), 12, true));
    }

    @Test
    void everyConditionRendersAsAStanzaErrorAndReadsBack() throws Exception {
        assertThat(ReportErrorCodec.toXml(new ReportError(ReportCondition.BAD_SIGNATURE, Optional.of("signature of report r1 does not verify"))))
                .isEqualTo("<error type='auth'><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>signature of report r1 does not verify</text>"
                        + "<bad-signature xmlns='urn:openspime:report:1'/></error>");
        assertThat(ReportErrorCodec.toXml(new ReportError(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE, Optional.empty())))
                .isEqualTo("<error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                        + "<inconsistent-data-with-scope xmlns='urn:openspime:report:1'/></error>");
        for (ReportCondition c : ReportCondition.values()) {
            ReportError e = new ReportError(c, Optional.of("why"));
            assertThat(ReportErrorCodec.parse(ReportErrorCodec.toXml(e))).isEqualTo(e);
        }
        String inClient = "<error xmlns='jabber:client' type='wait'><internal-server-error xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<temporarily-unavailable xmlns='urn:openspime:report:1'/></error>";
        assertThat(ReportErrorCodec.parse(inClient).condition()).isEqualTo(ReportCondition.TEMPORARILY_UNAVAILABLE);
        assertThat(ReportCondition.TEMPORARILY_UNAVAILABLE.retryUnchanged()).isTrue();
    }
}
