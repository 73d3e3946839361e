package org.openspime.gate.routing;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;

/**
 * The error answer to a stanza that could not be delivered: same kind and id, {@code from} and {@code to}
 * swapped (so it comes from the address the sender tried, RFC 6120 8.3.1), type {@code error}.
 */
public final class Bounce {
    private Bounce() {
    }

    /** Whether RFC 6120/6121 allow an error answer: never to an error, never for presence or an IQ result. */
    public static boolean allowedFor(Stanza stanza) {
        String type = stanza.getAttributeValue("type");
        if ("error".equals(type)) {
            return false;
        }
        return switch (stanza.getName()) {
            case "iq" -> "get".equals(type) || "set".equals(type);
            case "message" -> !"groupchat".equals(type) && !"headline".equals(type);
            default -> false;
        };
    }

    /** RFC 6120 8.3.3: retry later after these, give up after the others. */
    static String errorType(String condition) {
        return switch (condition) {
            case "resource-constraint", "remote-server-timeout" -> "wait";
            default -> "cancel";
        };
    }

    public static Stanza of(Stanza original, String condition, String text) {
        Entity from = original.getTo();
        Entity to = original.getFrom();
        StanzaBuilder b = new StanzaBuilder(original.getName(), NamespaceURIs.JABBER_CLIENT);
        if (from != null) {
            b.addAttribute("from", from.getFullQualifiedName());
        }
        if (to != null) {
            b.addAttribute("to", to.getFullQualifiedName());
        }
        String id = original.getAttributeValue("id");
        if (id != null) {
            b.addAttribute("id", id);
        }
        b.addAttribute("type", "error");
        b.startInnerElement("error", NamespaceURIs.JABBER_CLIENT).addAttribute("type", errorType(condition))
                .startInnerElement(condition, NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_STANZAS).endInnerElement()
                .startInnerElement("text", NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_STANZAS).addText(text)
                .endInnerElement()
                .endInnerElement();
        return b.build();
    }
}
