package org.openspime.certification.codec;

import java.util.Base64;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.element.Attestation;

/** The {@code <signature algo='rsa-sha256'>base64</signature>} child shared by attest and revoke. */
final class SignatureElement {

    static final String ELEMENT = "signature";

    private SignatureElement() {
    }

    static void write(byte[] signature, XmlWriter out) {
        out.start(ELEMENT, null).attribute("algo", Attestation.ALGORITHM)
                .text(Base64.getEncoder().encodeToString(signature)).end(ELEMENT);
    }

    /**
     * Reads the children of {@code parent} (the cursor is on its start tag), requiring exactly one
     * signature and skipping unknown children; leaves the cursor on the parent's end tag.
     */
    static byte[] readChildren(ElementCursor cursor, String parent) throws MalformedElementException {
        String namespace = cursor.reader().getNamespaceURI();
        byte[] signature = null;
        while (cursor.nextChild()) {
            if (cursor.isOn(namespace, ELEMENT)) {
                if (signature != null) {
                    throw new MalformedElementException("<" + parent + "/> holds more than one <signature/>");
                }
                String algo = cursor.attribute("algo");
                if (!Attestation.ALGORITHM.equals(algo)) {
                    throw new MalformedElementException("<signature/> algorithm '" + algo + "' is not " + Attestation.ALGORITHM);
                }
                signature = cursor.base64Text("<signature/>");
                if (signature.length == 0) {
                    throw new MalformedElementException("<signature/> is empty");
                }
            } else {
                cursor.skipElement();
            }
        }
        if (signature == null) {
            throw new MalformedElementException("<" + parent + "/> lacks its <signature/>");
        }
        return signature;
    }
}
