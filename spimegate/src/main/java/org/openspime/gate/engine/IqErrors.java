package org.openspime.gate.engine;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.stanza.IQStanzaType;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;

/** IQ error answers of the gate's own handlers: RFC 6120 8.3, a defined condition and a text saying why. */
public final class IqErrors {

    private IqErrors() {
    }

    /**
     * The error answer to {@code request}.
     *
     * @param type      {@code cancel}, {@code modify}, {@code auth} or {@code wait}
     * @param condition a defined condition such as {@code bad-request}
     */
    public static Stanza of(Stanza request, Entity from, Entity to, String type, String condition, String text) {
        StanzaBuilder b = StanzaBuilder.createIQStanza(from, to, IQStanzaType.ERROR, request.getAttributeValue("id"));
        b.startInnerElement("error", NamespaceURIs.JABBER_CLIENT).addAttribute("type", type)
                .startInnerElement(condition, NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_STANZAS).endInnerElement()
                .startInnerElement("text", NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_STANZAS).addText(text).endInnerElement()
                .endInnerElement();
        return b.build();
    }
}
