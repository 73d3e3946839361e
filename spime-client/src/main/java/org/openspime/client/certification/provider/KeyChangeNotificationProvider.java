package org.openspime.client.certification.provider;

import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.KeyListCodec;
import org.openspime.client.certification.element.KeyChangeNotification;

/** Reads a pushed change notification; one that does not parse keeps its JID when that much is readable. */
public final class KeyChangeNotificationProvider extends ExtensionElementProvider<KeyChangeNotification> {
    @Override
    public KeyChangeNotification parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        String jidText = parser.getAttributeValue("", "jid");
        String xml = PacketParserUtils.parseElement(parser, true).toString();
        try {
            return new KeyChangeNotification(KeyListCodec.parse(xml));
        } catch (MalformedElementException e) {
            Jid jid = null;
            try {
                jid = jidText == null ? null : Jid.of(jidText);
            } catch (IllegalArgumentException unreadable) {
                // stays unknown: the receiver then forgets every cached key
            }
            return new KeyChangeNotification(jid, e);
        }
    }
}
