package org.openspime.client.connection;

import java.io.IOException;
import java.util.OptionalInt;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0478 (Stream Limits Advertisement) as the gate sends it in its stream features after authentication:
 * {@code <limits xmlns='urn:xmpp:stream-limits:0'><max-bytes>65536</max-bytes></limits>}, the largest stanza it
 * accepts. A larger one would end the stream, so the SDK sizes report batches by it.
 */
public final class StreamLimits implements ExtensionElement {
    public static final String ELEMENT = "limits";
    public static final String NAMESPACE = "urn:xmpp:stream-limits:0";

    private final int maxBytes;

    public StreamLimits(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The largest stanza, in bytes, the server accepts; 0 if it did not say. */
    public int maxBytes() {
        return maxBytes;
    }

    /** The limit the server of {@code connection} advertised on its current stream, if it did. */
    public static OptionalInt of(XMPPConnection connection) {
        StreamLimits limits = connection.getFeature(ELEMENT, NAMESPACE);
        return limits == null || limits.maxBytes <= 0 ? OptionalInt.empty() : OptionalInt.of(limits.maxBytes);
    }

    /** Lets Smack read the feature (idempotent). */
    static void register() {
        ProviderManager.addStreamFeatureProvider(ELEMENT, NAMESPACE, new Provider());
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public CharSequence toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace).rightAngleBracket();
        if (maxBytes > 0) {
            xml.element("max-bytes", Integer.toString(maxBytes));
        }
        return xml.closeElement(this);
    }

    private static final class Provider extends ExtensionElementProvider<ExtensionElement> {
        @Override
        public ExtensionElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException {
            int maxBytes = 0;
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && "max-bytes".equals(parser.getName())) {
                    try {
                        maxBytes = Integer.parseInt(parser.nextText().trim());
                    } catch (NumberFormatException malformed) {
                        maxBytes = 0; // a limit we cannot read is no limit we can honour; the default applies
                    }
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    return new StreamLimits(maxBytes);
                } else if (event == XmlPullParser.Event.END_DOCUMENT) {
                    throw new XmlPullParserException("stream ended inside <limits/>");
                }
            }
        }
    }
}
