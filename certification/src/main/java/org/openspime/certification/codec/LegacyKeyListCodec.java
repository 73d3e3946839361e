package org.openspime.certification.codec;

import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.MalformedKeyException;
import org.openspime.certification.element.LegacyKeyList;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.keys.RsaKeys;

/**
 * The 2008 OpenSpime form: query {@code <pubkeys xmlns='urn:xmpp:tmp:pubkey' jid='…'/>}, answer the same
 * element holding one {@code <pubkey>base64 SubjectPublicKeyInfo</pubkey>} per key.
 */
public final class LegacyKeyListCodec {

    static final String ELEMENT = "pubkeys";
    static final String KEY = "pubkey";

    private LegacyKeyListCodec() {
    }

    public static String queryXml(Jid jid) {
        return new XmlWriter().start(ELEMENT, Namespaces.LEGACY_PUBKEY).attribute("jid", jid.toString()).end(ELEMENT).toString();
    }

    public static String toXml(LegacyKeyList list) {
        XmlWriter out = new XmlWriter().start(ELEMENT, Namespaces.LEGACY_PUBKEY).attribute("jid", list.jid().toString());
        for (RSAPublicKey key : list.keys()) {
            out.textElement(KEY, Base64.getEncoder().encodeToString(key.getEncoded()));
        }
        return out.end(ELEMENT).toString();
    }

    /** The JID a legacy query asks about. */
    public static Jid parseQuery(String xml) throws MalformedElementException {
        ElementCursor cursor = ElementCursor.onRootOf(xml);
        Jid jid = readQuery(cursor);
        cursor.requireDocumentEnd();
        return jid;
    }

    public static Jid parseQuery(XMLStreamReader reader) throws MalformedElementException {
        return readQuery(new ElementCursor(reader));
    }

    public static LegacyKeyList parse(String xml) throws MalformedElementException {
        ElementCursor cursor = ElementCursor.onRootOf(xml);
        LegacyKeyList list = read(cursor);
        cursor.requireDocumentEnd();
        return list;
    }

    public static LegacyKeyList parse(XMLStreamReader reader) throws MalformedElementException {
        return read(new ElementCursor(reader));
    }

    private static Jid readQuery(ElementCursor cursor) throws MalformedElementException {
        cursor.requireStart(Namespaces.LEGACY_PUBKEY, ELEMENT);
        Jid jid = cursor.jidAttribute("jid");
        cursor.skipElement();
        return jid;
    }

    private static LegacyKeyList read(ElementCursor cursor) throws MalformedElementException {
        cursor.requireStart(Namespaces.LEGACY_PUBKEY, ELEMENT);
        Jid jid = cursor.jidAttribute("jid");
        List<RSAPublicKey> keys = new ArrayList<>();
        while (cursor.nextChild()) {
            if (cursor.isOn(Namespaces.LEGACY_PUBKEY, KEY)) {
                try {
                    keys.add(RsaKeys.decode(cursor.base64Text("<pubkey/>")));
                } catch (MalformedKeyException e) {
                    throw e;
                } catch (MalformedElementException e) {
                    throw new MalformedKeyException(e.getMessage(), e);
                }
            } else {
                cursor.skipElement();
            }
        }
        return new LegacyKeyList(jid, keys);
    }
}
