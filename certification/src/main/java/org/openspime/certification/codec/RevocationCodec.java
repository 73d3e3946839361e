package org.openspime.certification.codec;

import javax.xml.stream.XMLStreamReader;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.RevocationRequest;
import org.openspime.certification.element.Timestamps;

/**
 * {@code <revoke xmlns='urn:xmpp:revoke:2'/>} in its two forms: the entity's unsigned request
 * ({@code fingerprint}, {@code reason}) and the gate's signed notice (adds {@code jid}, {@code revoked},
 * {@code signer}, {@code signer-fingerprint} and a {@code <signature/>}).
 */
public final class RevocationCodec {

    static final String ELEMENT = "revoke";

    private RevocationCodec() {
    }

    public static String toXml(RevocationRequest request) {
        return new XmlWriter().start(ELEMENT, Namespaces.REVOKE)
                .attribute("fingerprint", request.fingerprint().toString())
                .attribute("reason", request.reason().token())
                .end(ELEMENT).toString();
    }

    public static String toXml(Revocation revocation) {
        XmlWriter out = new XmlWriter();
        write(revocation, out);
        return out.toString();
    }

    static void write(Revocation revocation, XmlWriter out) {
        out.start(ELEMENT, Namespaces.REVOKE)
                .attribute("jid", revocation.jid().toString())
                .attribute("fingerprint", revocation.fingerprint().toString())
                .attribute("revoked", Timestamps.format(revocation.revokedAt()))
                .attribute("reason", revocation.reason().token())
                .attribute("signer", revocation.signer().toString())
                .attribute("signer-fingerprint", revocation.signerFingerprint().toString());
        SignatureElement.write(revocation.signature(), out);
        out.end(ELEMENT);
    }

    /** The request form; a missing {@code reason} means {@code unspecified}. */
    public static RevocationRequest parseRequest(String xml) throws MalformedElementException {
        ElementCursor cursor = ElementCursor.onRootOf(xml);
        RevocationRequest request = readRequest(cursor);
        cursor.requireDocumentEnd();
        return request;
    }

    public static RevocationRequest parseRequest(XMLStreamReader reader) throws MalformedElementException {
        return readRequest(new ElementCursor(reader));
    }

    public static Revocation parse(String xml) throws MalformedElementException {
        ElementCursor cursor = ElementCursor.onRootOf(xml);
        Revocation revocation = read(cursor);
        cursor.requireDocumentEnd();
        return revocation;
    }

    /** Reads the signed {@code <revoke/>} the reader is on; leaves it on the end tag. */
    public static Revocation parse(XMLStreamReader reader) throws MalformedElementException {
        return read(new ElementCursor(reader));
    }

    private static RevocationRequest readRequest(ElementCursor cursor) throws MalformedElementException {
        cursor.requireStart(Namespaces.REVOKE, ELEMENT);
        var fingerprint = cursor.fingerprintAttribute("fingerprint");
        RevocationReason reason = reason(cursor);
        cursor.skipElement();
        return new RevocationRequest(fingerprint, reason);
    }

    static Revocation read(ElementCursor cursor) throws MalformedElementException {
        cursor.requireStart(Namespaces.REVOKE, ELEMENT);
        var jid = cursor.jidAttribute("jid");
        var fingerprint = cursor.fingerprintAttribute("fingerprint");
        var revoked = cursor.timeAttribute("revoked");
        RevocationReason reason = reason(cursor);
        var signer = cursor.jidAttribute("signer");
        var signerFingerprint = cursor.fingerprintAttribute("signer-fingerprint");
        byte[] signature = SignatureElement.readChildren(cursor, ELEMENT);
        return new Revocation(jid, fingerprint, revoked, reason, signer, signerFingerprint, signature);
    }

    private static RevocationReason reason(ElementCursor cursor) throws MalformedElementException {
        String token = cursor.optionalAttribute("reason");
        return token == null ? RevocationReason.UNSPECIFIED : cursor.convert("reason", token, RevocationReason::fromToken);
    }
}
