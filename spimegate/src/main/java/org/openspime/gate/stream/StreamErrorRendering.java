package org.openspime.gate.stream;

import org.apache.vysper.xml.fragment.Renderer;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLFragment;
import org.apache.vysper.xml.fragment.XMLText;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * Renders a stream error as RFC 6120 4.9 wants it: {@code <stream:error>} in the streams namespace, its
 * condition and text in {@code urn:ietf:params:xml:ns:xmpp-streams}. Vysper builds every stream error as an
 * {@code <error>} element in the conditions' namespace (and a {@code xml:lang} of {@code en_US}); clients that
 * look for {@code stream:error} do not see it as one. Fixed here, at the one place every stream error leaves.
 */
final class StreamErrorRendering {
    static final String CONDITIONS_NS = "urn:ietf:params:xml:ns:xmpp-streams";

    private StreamErrorRendering() {
    }

    static boolean isVyspersStreamError(Stanza stanza) {
        return "error".equals(stanza.getName()) && CONDITIONS_NS.equals(stanza.getNamespaceURI());
    }

    static String render(Stanza error) {
        StringBuilder out = new StringBuilder("<stream:error>");
        for (XMLElement child : error.getInnerElements()) {
            if (CONDITIONS_NS.equals(child.getNamespaceURI()) && "text".equals(child.getName())) {
                out.append("<text xmlns='").append(CONDITIONS_NS).append("' xml:lang='en'>");
                for (XMLFragment f : child.getInnerFragments()) {
                    if (f instanceof XMLText t) {
                        out.append(escape(t.getText()));
                    }
                }
                out.append("</text>");
            } else if (CONDITIONS_NS.equals(child.getNamespaceURI())) {
                out.append('<').append(child.getName()).append(" xmlns='").append(CONDITIONS_NS).append("'/>");
            } else {
                out.append(new Renderer(child).getComplete());
            }
        }
        return out.append("</stream:error>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
