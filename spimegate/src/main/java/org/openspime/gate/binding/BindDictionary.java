package org.openspime.gate.binding;

import org.apache.vysper.xmpp.protocol.NamespaceHandlerDictionary;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;

/** Registers {@link RequestedResourceBindHandler} for {@code urn:ietf:params:xml:ns:xmpp-bind}. */
public final class BindDictionary extends NamespaceHandlerDictionary {
    public BindDictionary(RequestedResourceBindHandler handler) {
        super(NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_BIND);
        register(handler);
        seal();
    }
}
