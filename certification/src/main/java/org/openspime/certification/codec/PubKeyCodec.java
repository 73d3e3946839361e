package org.openspime.certification.codec;

import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamReader;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.RsaKeys;

/**
 * {@code <pubkey xmlns='urn:xmpp:pubkey:2' jid='…' begin='…' end='…'><key>base64 SubjectPublicKeyInfo</key>
 * <fingerprint algo='sha-256'>…</fingerprint>[<attest/>…][<revoke/>]</pubkey>}.
 *
 * <p>Published by an entity it holds only the key and fingerprint; returned by the service it also holds
 * the attestations and, if revoked, the signed revocation (a {@link KeyRecord}). The fingerprint is
 * redundant with the key on purpose: a reader that finds them disagreeing knows the element was damaged
 * or forged, and refuses it.
 */
public final class PubKeyCodec {

    static final String ELEMENT = "pubkey";
    private static final String FINGERPRINT_ALGORITHM = "sha-256";

    private PubKeyCodec() {
    }

    /** The publication form, without attestation. */
    public static String toXml(PubKey pubKey) {
        return toXml(new KeyRecord(pubKey, List.of(), Optional.empty()));
    }

    /** The stored form, with attestations and revocation. */
    public static String toXml(KeyRecord record) {
        XmlWriter out = new XmlWriter();
        write(record, out);
        return out.toString();
    }

    static void write(KeyRecord record, XmlWriter out) {
        PubKey pubKey = record.pubKey();
        out.start(ELEMENT, Namespaces.PUBKEY)
                .attribute("jid", pubKey.jid().toString())
                .attribute("begin", Timestamps.format(pubKey.begin()))
                .attribute("end", Timestamps.format(pubKey.end()))
                .textElement("key", Base64.getEncoder().encodeToString(pubKey.key().getEncoded()))
                .start("fingerprint", null).attribute("algo", FINGERPRINT_ALGORITHM)
                .text(pubKey.fingerprint().toString()).end("fingerprint");
        for (Attestation attestation : record.attestations()) {
            AttestationCodec.write(attestation, out);
        }
        record.revocation().ifPresent(revocation -> RevocationCodec.write(revocation, out));
        out.end(ELEMENT);
    }

    /** Reads a {@code <pubkey/>} and drops any attestation or revocation in it (what a publisher sends). */
    public static PubKey parsePubKey(String xml) throws MalformedElementException {
        return parse(xml).pubKey();
    }

    public static PubKey parsePubKey(XMLStreamReader reader) throws MalformedElementException {
        return parse(reader).pubKey();
    }

    public static KeyRecord parse(String xml) throws MalformedElementException {
        ElementCursor cursor = ElementCursor.onRootOf(xml);
        KeyRecord record = read(cursor);
        cursor.requireDocumentEnd();
        return record;
    }

    /** Reads the {@code <pubkey/>} the reader is on; leaves it on the end tag. */
    public static KeyRecord parse(XMLStreamReader reader) throws MalformedElementException {
        return read(new ElementCursor(reader));
    }

    static KeyRecord read(ElementCursor cursor) throws MalformedElementException {
        cursor.requireStart(Namespaces.PUBKEY, ELEMENT);
        Jid jid = cursor.jidAttribute("jid");
        var begin = cursor.timeAttribute("begin");
        var end = cursor.timeAttribute("end");
        byte[] spki = null;
        Fingerprint claimed = null;
        List<Attestation> attestations = new ArrayList<>();
        Revocation revocation = null;
        while (cursor.nextChild()) {
            if (cursor.isOn(Namespaces.PUBKEY, "key")) {
                requireFirst(spki, "key");
                try {
                    spki = cursor.base64Text("<key/>");
                } catch (MalformedElementException e) {
                    throw new MalformedKeyException(e.getMessage(), e);
                }
            } else if (cursor.isOn(Namespaces.PUBKEY, "fingerprint")) {
                requireFirst(claimed, "fingerprint");
                String algo = cursor.optionalAttribute("algo");
                if (algo != null && !FINGERPRINT_ALGORITHM.equals(algo)) {
                    throw new MalformedElementException("<fingerprint/> algorithm '" + algo + "' is not " + FINGERPRINT_ALGORITHM);
                }
                claimed = cursor.convert("fingerprint", cursor.text().strip(), Fingerprint::parse);
            } else if (cursor.isOn(Namespaces.ATTEST, AttestationCodec.ELEMENT)) {
                attestations.add(AttestationCodec.read(cursor));
            } else if (cursor.isOn(Namespaces.REVOKE, RevocationCodec.ELEMENT)) {
                requireFirst(revocation, "revoke");
                revocation = RevocationCodec.read(cursor);
            } else {
                cursor.skipElement();
            }
        }
        if (spki == null) {
            throw new MalformedKeyException("<pubkey/> of " + jid + " lacks its <key/>");
        }
        if (claimed == null) {
            throw new MalformedElementException("<pubkey/> of " + jid + " lacks its <fingerprint/>");
        }
        RSAPublicKey key = RsaKeys.decode(spki);
        Fingerprint actual = Fingerprint.ofSubjectPublicKeyInfo(spki);
        if (!actual.equals(claimed)) {
            throw new MalformedKeyException("<fingerprint/> " + claimed + " does not match the key, whose SHA-256 is " + actual);
        }
        PubKey pubKey = new PubKey(jid, key, begin, end);
        if (revocation != null && (!revocation.fingerprint().equals(actual) || !revocation.jid().equals(jid))) {
            throw new MalformedElementException("<revoke/> inside <pubkey/> of " + jid + " names another key or JID");
        }
        return new KeyRecord(pubKey, attestations, Optional.ofNullable(revocation));
    }

    private static void requireFirst(Object seen, String child) throws MalformedElementException {
        if (seen != null) {
            throw new MalformedElementException("<pubkey/> holds more than one <" + child + "/>");
        }
    }
}
