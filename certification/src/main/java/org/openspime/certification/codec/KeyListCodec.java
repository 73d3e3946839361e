package org.openspime.certification.codec;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Namespaces;

/**
 * {@code <pubkeys xmlns='urn:xmpp:pubkey:2' jid='…'/>}: empty (optionally with {@code subscribe}) it is a
 * query; holding {@code <pubkey/>} records it is the answer, or a change notification inside a message.
 */
public final class KeyListCodec {

    static final String ELEMENT = "pubkeys";

    private KeyListCodec() {
    }

    public static String toXml(KeyQuery query) {
        XmlWriter out = new XmlWriter().start(ELEMENT, Namespaces.PUBKEY).attribute("jid", query.jid().toString());
        switch (query.subscription()) {
            case SUBSCRIBE: out.attribute("subscribe", "true"); break;
            case UNSUBSCRIBE: out.attribute("subscribe", "false"); break;
            default: break;
        }
        return out.end(ELEMENT).toString();
    }

    public static String toXml(KeyList list) {
        XmlWriter out = new XmlWriter().start(ELEMENT, Namespaces.PUBKEY).attribute("jid", list.jid().toString());
        for (KeyRecord record : list.keys()) {
            PubKeyCodec.write(record, out);
        }
        return out.end(ELEMENT).toString();
    }

    public static KeyQuery parseQuery(String xml) throws MalformedElementException {
        ElementCursor cursor = ElementCursor.onRootOf(xml);
        KeyQuery query = readQuery(cursor);
        cursor.requireDocumentEnd();
        return query;
    }

    public static KeyQuery parseQuery(XMLStreamReader reader) throws MalformedElementException {
        return readQuery(new ElementCursor(reader));
    }

    public static KeyList parse(String xml) throws MalformedElementException {
        ElementCursor cursor = ElementCursor.onRootOf(xml);
        KeyList list = read(cursor);
        cursor.requireDocumentEnd();
        return list;
    }

    /** Reads the {@code <pubkeys/>} result or notification the reader is on; leaves it on the end tag. */
    public static KeyList parse(XMLStreamReader reader) throws MalformedElementException {
        return read(new ElementCursor(reader));
    }

    private static KeyQuery readQuery(ElementCursor cursor) throws MalformedElementException {
        cursor.requireStart(Namespaces.PUBKEY, ELEMENT);
        Jid jid = cursor.jidAttribute("jid");
        String subscribe = cursor.optionalAttribute("subscribe");
        KeyQuery.Subscription subscription;
        if (subscribe == null) {
            subscription = KeyQuery.Subscription.UNCHANGED;
        } else if ("true".equals(subscribe) || "1".equals(subscribe)) {
            subscription = KeyQuery.Subscription.SUBSCRIBE;
        } else if ("false".equals(subscribe) || "0".equals(subscribe)) {
            subscription = KeyQuery.Subscription.UNSUBSCRIBE;
        } else {
            throw new MalformedElementException("<pubkeys/> has a bad subscribe: '" + subscribe + "' is not an xs:boolean");
        }
        cursor.skipElement();
        return new KeyQuery(jid, subscription);
    }

    private static KeyList read(ElementCursor cursor) throws MalformedElementException {
        cursor.requireStart(Namespaces.PUBKEY, ELEMENT);
        Jid jid = cursor.jidAttribute("jid");
        List<KeyRecord> records = new ArrayList<>();
        while (cursor.nextChild()) {
            if (cursor.isOn(Namespaces.PUBKEY, PubKeyCodec.ELEMENT)) {
                KeyRecord record = PubKeyCodec.read(cursor);
                if (!record.pubKey().jid().equals(jid)) {
                    throw new MalformedElementException("<pubkeys/> of " + jid + " holds a <pubkey/> of " + record.pubKey().jid());
                }
                records.add(record);
            } else {
                cursor.skipElement();
            }
        }
        return new KeyList(jid, records);
    }
}
