package org.openspime.client.report.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.client.report.Fixtures.SPIME;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openspime.client.report.InvalidBase64Exception;
import org.openspime.client.report.InvalidValueException;
import org.openspime.client.report.MissingPartException;
import org.openspime.client.report.NotWellFormedException;
import org.openspime.client.report.OversizedReportException;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.UnsupportedAlgorithmException;
import org.openspime.client.report.element.ReportId;

/** Each malformation of an envelope or data document is refused with its own exception, naming the culprit. */
class ReportMalformationTest {

    static final String FP = ReportXmlTest.FP;
    static final String HEAD = "<report xmlns='urn:openspime:report:1' id='r1' time='2025-03-01T12:00:00Z'>";
    static final String ORIGINATOR = "<originator jid='4a6b-5638@gate.example/spime'/>";
    static final String PLAIN = "<transport enc='none' recipient='co2node@gate.example/co2'><payload>PGRhdGEvPg==</payload></transport>";

    static void envelope(String xml, Class<? extends Exception> refusal, String message) {
        assertThatThrownBy(() -> EnvelopeCodec.parse(xml, ReportLimits.DEFAULT)).isInstanceOf(refusal).hasMessageContaining(message);
    }

    static void data(String xml, ReportLimits limits, Class<? extends Exception> refusal, String message) {
        assertThatThrownBy(() -> DataCodec.parse(xml.getBytes(StandardCharsets.UTF_8), ReportId.of("r1"), SPIME, limits))
                .isInstanceOf(refusal).hasMessageContaining(message);
    }

    @Test
    void dtdAndEntitiesAreRefusedBeforeAnythingIsExpanded() {
        envelope("<!DOCTYPE report [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + HEAD + ORIGINATOR + PLAIN + "</report>",
                NotWellFormedException.class, "");
        envelope(HEAD.replace("id='r1'", "id='&x;'") + ORIGINATOR + PLAIN + "</report>", NotWellFormedException.class, "");
        data("<!DOCTYPE data [<!ENTITY lol 'lol'>]><data xmlns='urn:openspime:report:1' scope='s'/>", ReportLimits.DEFAULT,
                NotWellFormedException.class, "");
    }

    @Test
    void brokenXmlAndWrongRootAreNamed() {
        envelope(HEAD + ORIGINATOR + PLAIN, NotWellFormedException.class, "not well-formed");
        envelope("<report xmlns='urn:other' id='r1'/>", InvalidValueException.class, "expected <report xmlns='urn:openspime:report:1'>");
        envelope(HEAD + ORIGINATOR + PLAIN + "</report><report/>", NotWellFormedException.class, "");
    }

    @Test
    void missingPartsAreNamed() {
        envelope(HEAD.replace(" id='r1'", "") + ORIGINATOR + PLAIN + "</report>", MissingPartException.class, "lacks the 'id' attribute");
        envelope(HEAD + PLAIN + "</report>", MissingPartException.class, "lacks its <originator/>");
        envelope(HEAD + ORIGINATOR + "</report>", MissingPartException.class, "lacks its <transport/>");
        envelope(HEAD + ORIGINATOR + ORIGINATOR + PLAIN + "</report>", MissingPartException.class, "<originator/> appears twice");
        envelope(HEAD + "<originator jid='4a6b-5638@gate.example/spime' key='" + FP + "'/>" + PLAIN + "</report>",
                MissingPartException.class, "a 'key' but no <signature/>");
        envelope(HEAD + ORIGINATOR + "<transport enc='aes-256-gcm' recipient='co2node@gate.example/co2' nonce='AAAAAAAAAAAAAAAA'>"
                + "<payload>AAAAAAAAAAAAAAAAAAAAAA==</payload></transport></report>", MissingPartException.class, "lacks its <key/>");
        envelope(HEAD + ORIGINATOR + "<transport enc='aes-256-gcm' recipient='co2node@gate.example/co2' nonce='AAAAAAAAAAAAAAAA'>"
                + "<key key-id='k' recipient-key='" + FP + "'>CQk=</key><payload>AAAAAAAAAAAAAAAAAAAAAA==</payload></transport></report>",
                MissingPartException.class, "no 'wrap' algorithm");
    }

    @Test
    void signedAttributesMustBeCanonical() {
        envelope(HEAD.replace("12:00:00Z", "13:00:00+01:00") + ORIGINATOR + PLAIN + "</report>", InvalidValueException.class, "whole-second UTC");
        envelope(HEAD.replace("12:00:00Z", "12:00:00.5Z") + ORIGINATOR + PLAIN + "</report>", InvalidValueException.class, "whole-second UTC");
        envelope(HEAD + ORIGINATOR.replace("gate.example", "Gate.Example") + PLAIN + "</report>", InvalidValueException.class, "canonically");
        envelope(HEAD + "<originator jid='4a6b-5638@gate.example/spime' key='" + FP.toLowerCase() + "'><signature algo='rsa-sha256'>AQID</signature></originator>"
                + PLAIN + "</report>", InvalidValueException.class, "upper-case");
        envelope(HEAD.replace("id='r1'", "id='r 1'") + ORIGINATOR + PLAIN + "</report>", InvalidValueException.class, "'id'");
        envelope(HEAD.replace("time='2025-03-01T12:00:00Z'", "time='yesterday'") + ORIGINATOR + PLAIN + "</report>", InvalidValueException.class, "'time'");
    }

    @Test
    void truncatedOrForeignBase64IsNamedAsSuch() {
        envelope(HEAD + ORIGINATOR + PLAIN.replace("PGRhdGEvPg==", "PGRhdGEvPg") + "</report>", InvalidBase64Exception.class, "truncated");
        envelope(HEAD + ORIGINATOR + PLAIN.replace("PGRhdGEvPg==", "PGRh*GEvPg==") + "</report>", InvalidBase64Exception.class, "<payload/>");
        envelope(HEAD + "<originator jid='4a6b-5638@gate.example/spime' key='" + FP + "'><signature algo='rsa-sha256'>AQI</signature></originator>"
                + PLAIN + "</report>", InvalidBase64Exception.class, "<signature/>");
    }

    @Test
    void encryptedTransportShapeIsChecked() {
        String key = "<key key-id='k' recipient-key='" + FP + "'/>";
        envelope(HEAD + ORIGINATOR + "<transport enc='aes-256-gcm' recipient='co2node@gate.example/co2' nonce='AAAAAAAAAAA='>" + key
                + "<payload>AAAAAAAAAAAAAAAAAAAAAA==</payload></transport></report>", InvalidValueException.class, "nonce is 8 bytes");
        envelope(HEAD + ORIGINATOR + "<transport enc='aes-256-gcm' recipient='co2node@gate.example/co2' nonce='AAAAAAAAAAAAAAAA'>" + key
                + "<payload>AAAA</payload></transport></report>", InvalidValueException.class, "shorter than the GCM tag");
        envelope(HEAD + ORIGINATOR + "<transport enc='none' recipient='co2node@gate.example/co2' nonce='AAAAAAAAAAAAAAAA'>"
                + "<payload>AAAA</payload></transport></report>", InvalidValueException.class, "enc='none'");
        envelope(HEAD + ORIGINATOR + "<transport enc='aes-256-gcm' recipient='co2node@gate.example/co2' nonce='AAAAAAAAAAAAAAAA'>"
                + "<key key-id='k/1' recipient-key='" + FP + "'/><payload>AAAAAAAAAAAAAAAAAAAAAA==</payload></transport></report>",
                InvalidValueException.class, "key-id");
    }

    @Test
    void unknownAlgorithmsAreUnsupportedNotMalformed() {
        envelope(HEAD + ORIGINATOR + PLAIN.replace("enc='none'", "enc='aes-128-cbc'") + "</report>", UnsupportedAlgorithmException.class, "aes-128-cbc");
        envelope(HEAD + "<originator jid='4a6b-5638@gate.example/spime' key='" + FP + "'><signature algo='ed25519'>AQID</signature></originator>"
                + PLAIN + "</report>", UnsupportedAlgorithmException.class, "ed25519");
        envelope(HEAD + ORIGINATOR + "<transport enc='aes-256-gcm' recipient='co2node@gate.example/co2' nonce='AAAAAAAAAAAAAAAA'>"
                + "<key key-id='k' recipient-key='" + FP + "' wrap='rsa-pkcs1'>CQk=</key><payload>AAAAAAAAAAAAAAAAAAAAAA==</payload></transport></report>",
                UnsupportedAlgorithmException.class, "rsa-pkcs1");
        try {
            EnvelopeCodec.parse(HEAD + ORIGINATOR + PLAIN.replace("enc='none'", "enc='x'") + "</report>", ReportLimits.DEFAULT);
        } catch (Exception e) {
            org.assertj.core.api.Assertions.assertThat(((org.openspime.client.report.ReportRefusedException) e).condition())
                    .isEqualTo(ReportCondition.UNSUPPORTED_ALGORITHM);
        }
    }

    @Test
    void oversizedBatchesAreRefusedWhileReading() {
        StringBuilder xml = new StringBuilder("<data xmlns='urn:openspime:report:1' scope='s'>");
        for (int i = 0; i < 4; i++) {
            xml.append("<reading time='2025-03-01T12:00:0").append(i).append("Z'><value name='a' type='integer'>1</value>")
                    .append("<value name='b' type='integer'>2</value></reading>");
        }
        xml.append("</data>");
        data(xml.toString(), new ReportLimits(10_000, 3, 100), OversizedReportException.class, "more than 3 readings");
        data(xml.toString(), new ReportLimits(10_000, 100, 7), OversizedReportException.class, "more values");
        data(xml.toString(), new ReportLimits(100, 100, 100), OversizedReportException.class, "bytes exceeds 100");
        envelope(HEAD + ORIGINATOR + PLAIN.replace("PGRhdGEvPg==", "A".repeat(300_000)) + "</report>", OversizedReportException.class, "exceeds");
    }

    @Test
    void dataDocumentValuesAreStrict() {
        String head = "<data xmlns='urn:openspime:report:1' scope='s'><reading time='2025-03-01T12:00:00Z'>";
        data(head + "<value name='a' type='decimal'>1e5</value></reading></data>", ReportLimits.DEFAULT, InvalidValueException.class, "not a decimal");
        data(head + "<value name='a' type='integer'>99999999999999999999</value></reading></data>", ReportLimits.DEFAULT, InvalidValueException.class, "");
        data(head + "<value name='a' type='boolean'>1</value></reading></data>", ReportLimits.DEFAULT, InvalidValueException.class, "true or false");
        data(head + "<value name='a' type='float'>1</value></reading></data>", ReportLimits.DEFAULT, InvalidValueException.class, "'type'");
        data(head + "<value name='a' type='integer'>1</value><value name='a' type='integer'>2</value></reading></data>", ReportLimits.DEFAULT,
                InvalidValueException.class, "twice");
        data(head + "<location lat='91' lon='0'/><value name='a' type='integer'>1</value></reading></data>", ReportLimits.DEFAULT,
                InvalidValueException.class, "latitude");
        data(head + "</reading></data>", ReportLimits.DEFAULT, MissingPartException.class, "no <value/>");
        data("<data xmlns='urn:openspime:report:1' scope='s'/>", ReportLimits.DEFAULT, MissingPartException.class, "no <reading/>");
        data("<data xmlns='urn:openspime:report:1' scope='s'><reading><value name='a' type='integer'>1</value></reading></data>",
                ReportLimits.DEFAULT, MissingPartException.class, "'time'");
        data(head + "<value name='a' type='integer'>1<b/></value></reading></data>", ReportLimits.DEFAULT, InvalidValueException.class, "only text");
    }
}
