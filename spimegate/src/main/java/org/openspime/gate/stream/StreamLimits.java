package org.openspime.gate.stream;

import java.util.ArrayList;
import java.util.List;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLFragment;
import org.apache.vysper.xml.fragment.XMLText;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * XEP-0478 (Stream Limits Advertisement): the stream features after authentication tell the client the largest
 * stanza the gate accepts, so that it never sends one the gate must answer by ending the stream:
 * {@code <limits xmlns='urn:xmpp:stream-limits:0'><max-bytes>65536</max-bytes></limits>}. The SDK sizes its report
 * batches by it.
 */
public final class StreamLimits {
    public static final String NAMESPACE = "urn:xmpp:stream-limits:0";

    private StreamLimits() {
    }

    /** {@code header} (a stream opening with its features inside) with the limits added to its features. */
    public static Stanza advertised(Stanza header, int maxStanzaBytes) {
        List<XMLFragment> inner = new ArrayList<>();
        boolean added = false;
        for (XMLFragment f : header.getInnerFragments()) {
            if (f instanceof XMLElement e && "features".equals(e.getName())) {
                List<XMLFragment> features = new ArrayList<>(e.getInnerFragments());
                features.add(limits(maxStanzaBytes));
                inner.add(new XMLElement(e.getNamespaceURI(), e.getName(), e.getNamespacePrefix(), e.getAttributes(),
                        features, e.getDeclaredNamespaces()));
                added = true;
            } else {
                inner.add(f);
            }
        }
        if (!added) {
            return header;
        }
        return new Stanza(header.getNamespaceURI(), header.getName(), header.getNamespacePrefix(),
                header.getAttributes(), inner, header.getDeclaredNamespaces());
    }

    private static XMLElement limits(int maxStanzaBytes) {
        XMLElement maxBytes = new XMLElement(NAMESPACE, "max-bytes", null, List.of(),
                List.of(new XMLText(Integer.toString(maxStanzaBytes))));
        return new XMLElement(NAMESPACE, "limits", null, List.of(), List.of(maxBytes));
    }
}
