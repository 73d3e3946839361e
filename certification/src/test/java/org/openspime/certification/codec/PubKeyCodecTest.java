package org.openspime.certification.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.certification.codec.Fixtures.*;

import java.io.StringReader;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.TestKeys;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.keys.Fingerprint;

class PubKeyCodecTest {

    @Test
    void publicationFormIsExactlyThis() {
        assertThat(PubKeyCodec.toXml(PUBKEY)).isEqualTo(PUBKEY_XML);
    }

    @Test
    void publicationFormParsesBack() throws Exception {
        PubKey parsed = PubKeyCodec.parsePubKey(PUBKEY_XML);
        assertThat(parsed).isEqualTo(PUBKEY);
        assertThat(parsed.key()).isEqualTo(KEY);
    }

    @Test
    void storedRecordCarriesAttestationsAndRevocationAndRoundTrips() throws Exception {
        KeyRecord record = new KeyRecord(PUBKEY, List.of(ATTESTATION), Optional.of(REVOCATION));
        String xml = PubKeyCodec.toXml(record);

        assertThat(xml).isEqualTo(PUBKEY_XML.replace("</pubkey>", ATTEST_XML + REVOKE_XML + "</pubkey>"));
        assertThat(PubKeyCodec.parse(xml)).isEqualTo(record);
    }

    @Test
    void readsFromAReaderPositionedOnTheElementAndLeavesItOnTheEndTag() throws Exception {
        String iq = "<iq xmlns='jabber:client' type='set' id='p1'>" + PUBKEY_XML + "<after/></iq>";
        XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(iq));
        reader.nextTag();
        reader.nextTag();

        assertThat(PubKeyCodec.parsePubKey(reader)).isEqualTo(PUBKEY);
        assertThat(reader.getEventType()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(reader.getLocalName()).isEqualTo("pubkey");
        reader.nextTag();
        assertThat(reader.getLocalName()).isEqualTo("after");
    }

    @Test
    void acceptsLineWrappedBase64PrefixedNamespacesOffsetsAndUnknownChildren() throws Exception {
        String wrapped = KEY_BASE64.replaceAll("(.{64})", "$1\n");
        String xml = "<p:pubkey xmlns:p='urn:xmpp:pubkey:2' jid='4A6B-5638@Gate.Example/spime'"
                + " begin='2025-03-01T13:00:00.250+01:00' end='2026-03-01T12:00:00Z'>\n"
                + "  <p:key>" + wrapped + "</p:key>\n  <p:fingerprint>" + FINGERPRINT + "</p:fingerprint>\n"
                + "  <extension xmlns='urn:example'><deep/></extension>\n</p:pubkey>";
        assertThat(PubKeyCodec.parsePubKey(xml)).isEqualTo(PUBKEY);
    }

    @Test
    void specialCharactersInTheJidAreEscapedAndRoundTrip() throws Exception {
        PubKey odd = new PubKey(Jid.of("gateway@net.example/radio 'A'&<B>\"x\""), KEY, BEGIN, END);
        String xml = PubKeyCodec.toXml(odd);
        assertThat(xml).contains("jid='gateway@net.example/radio &apos;A&apos;&amp;&lt;B&gt;&quot;x&quot;'");
        assertThat(PubKeyCodec.parsePubKey(xml)).isEqualTo(odd);
    }

    @Test
    void truncatedBase64IsAMalformedKey() {
        // One character short of a quantum is invalid base64; a whole quantum short decodes to truncated DER.
        String oddLength = KEY_BASE64.substring(0, KEY_BASE64.length() - 5);
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith(KEY_BASE64, oddLength)))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("truncated");
        String quantumShort = KEY_BASE64.substring(0, KEY_BASE64.length() - 8);
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith(KEY_BASE64, quantumShort)))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith(KEY_BASE64, "MII%")))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("not valid base64");
    }

    @Test
    void truncatedDerIsAMalformedKey() {
        byte[] der = KEY.getEncoded();
        String cut = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(der, der.length - 30));
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith(KEY_BASE64, cut)))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("truncated or corrupt");
    }

    @Test
    void nonRsaKeyIsAMalformedKey() {
        var ec = TestKeys.ec().getPublic();
        String xml = pubkeyXmlWith(KEY_BASE64, Base64.getEncoder().encodeToString(ec.getEncoded()))
                .replace(FINGERPRINT.toString(), Fingerprint.of(ec).toString());
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(xml))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("is not RSA");
    }

    @Test
    void fingerprintThatDoesNotMatchTheKeyIsRefused() {
        String other = Fingerprint.of(TestKeys.GATE.getPublic()).toString();
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith(FINGERPRINT.toString(), other)))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("does not match the key");
    }

    @Test
    void missingPartsAreNamed() {
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith(" jid='4a6b-5638@gate.example/spime'", "")))
                .isInstanceOf(MalformedElementException.class).hasMessage("<pubkey/> lacks the 'jid' attribute");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith("<key>" + KEY_BASE64 + "</key>", "")))
                .isInstanceOf(MalformedKeyException.class).hasMessageContaining("lacks its <key/>");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith("<fingerprint algo='sha-256'>" + FINGERPRINT + "</fingerprint>", "")))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("lacks its <fingerprint/>");
    }

    @Test
    void badTimestampsAndJidsAreNamed() {
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith("2025-03-01T12:00:00Z", "2025-03-01 12:00")))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("bad begin").hasMessageContaining("XEP-0082");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith("2026-03-01T12:00:00Z", "2026-02-30T12:00:00Z")))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("bad end");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith("4a6b-5638@gate.example/spime", "@gate.example")))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("bad jid");
    }

    @Test
    void wrongElementOrNamespaceIsNamed() {
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(pubkeyXmlWith("urn:xmpp:pubkey:2", "urn:xmpp:pubkey:1")))
                .isInstanceOf(MalformedElementException.class)
                .hasMessage("expected <pubkey xmlns='urn:xmpp:pubkey:2'>, found <pubkey xmlns='urn:xmpp:pubkey:1'>");
    }

    @Test
    void brokenXmlAndTrailingElementsAreRefused() {
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(PUBKEY_XML.substring(0, 200)))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(PUBKEY_XML + PUBKEY_XML))
                .isInstanceOf(MalformedElementException.class);
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey((String) null)).isInstanceOf(MalformedElementException.class);
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey("")).isInstanceOf(MalformedElementException.class);
    }

    @Test
    void externalEntitiesAndDtdsAreRefused() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE pubkey [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + pubkeyXmlWith("4a6b-5638@gate.example/spime", "&x;");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(xxe)).isInstanceOf(MalformedElementException.class);
        String laughs = "<!DOCTYPE pubkey [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
                + pubkeyXmlWith("4a6b-5638@gate.example/spime", "&b;");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(laughs)).isInstanceOf(MalformedElementException.class);
    }

    @Test
    void duplicateKeyIsRefused() {
        String twice = pubkeyXmlWith("<key>", "<key>" + KEY_BASE64 + "</key><key>");
        assertThatThrownBy(() -> PubKeyCodec.parsePubKey(twice))
                .isInstanceOf(MalformedElementException.class).hasMessageContaining("more than one <key/>");
    }

    @Test
    void revocationOfAnotherKeyInsideAPubkeyIsRefused() {
        var other = REVOCATION.fingerprint().equals(FINGERPRINT)
                ? new org.openspime.certification.element.Revocation(Jid.of("other@gate.example"), FINGERPRINT, Instant.EPOCH,
                        REVOCATION.reason(), GATE, GATE_FINGERPRINT, new byte[] {1})
                : REVOCATION;
        String xml = PUBKEY_XML.replace("</pubkey>", RevocationCodec.toXml(other) + "</pubkey>");
        assertThatThrownBy(() -> PubKeyCodec.parse(xml)).hasMessageContaining("names another key or JID");
    }
}
