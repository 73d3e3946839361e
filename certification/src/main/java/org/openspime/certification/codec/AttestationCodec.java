package org.openspime.certification.codec;

import javax.xml.stream.XMLStreamReader;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.Timestamps;

/**
 * {@code <attest xmlns='urn:xmpp:attest:2' signer='…' signer-fingerprint='…' signed='…'>
 * <signature algo='rsa-sha256'>base64</signature></attest>}, the child of the {@code <pubkey/>} it attests.
 */
public final class AttestationCodec {

    static final String ELEMENT = "attest";

    private AttestationCodec() {
    }

    public static String toXml(Attestation attestation) {
        XmlWriter out = new XmlWriter();
        write(attestation, out);
        return out.toString();
    }

    static void write(Attestation attestation, XmlWriter out) {
        out.start(ELEMENT, Namespaces.ATTEST)
                .attribute("signer", attestation.signer().toString())
                .attribute("signer-fingerprint", attestation.signerFingerprint().toString())
                .attribute("signed", Timestamps.format(attestation.signedAt()));
        SignatureElement.write(attestation.signature(), out);
        out.end(ELEMENT);
    }

    public static Attestation parse(String xml) throws MalformedElementException {
        ElementCursor cursor = ElementCursor.onRootOf(xml);
        Attestation attestation = read(cursor);
        cursor.requireDocumentEnd();
        return attestation;
    }

    /** Reads the {@code <attest/>} the reader is on; leaves it on the end tag. */
    public static Attestation parse(XMLStreamReader reader) throws MalformedElementException {
        return read(new ElementCursor(reader));
    }

    static Attestation read(ElementCursor cursor) throws MalformedElementException {
        cursor.requireStart(Namespaces.ATTEST, ELEMENT);
        var signer = cursor.jidAttribute("signer");
        var signerFingerprint = cursor.fingerprintAttribute("signer-fingerprint");
        var signed = cursor.timeAttribute("signed");
        byte[] signature = SignatureElement.readChildren(cursor, ELEMENT);
        return new Attestation(signer, signerFingerprint, signed, signature);
    }
}
