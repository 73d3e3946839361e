package org.openspime.gate.routing;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.StanzaHandler;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * Claims every IQ addressed to a full JID, before Vysper's namespace handlers see it: an IQ to
 * {@code co2node@gate/co2} is for that entity, whatever its child's namespace (Vysper would otherwise answer a
 * {@code jabber:iq:version} query itself, or refuse with {@code service-unavailable} when the two entities share
 * no roster subscription). Must be registered first among the gate's dictionaries.
 */
public final class DirectIqDictionary implements HandlerDictionary {
    private final DirectIqHandler handler;

    public DirectIqDictionary(DirectIqHandler handler) {
        this.handler = handler;
    }

    @Override
    public void register(StanzaHandler stanzaHandler) {
        throw new UnsupportedOperationException("the direct IQ dictionary holds exactly one handler");
    }

    @Override
    public void seal() {
        // holds one handler, fixed at construction
    }

    @Override
    public StanzaHandler get(Stanza stanza) {
        if (!"iq".equals(stanza.getName())) {
            return null;
        }
        Entity to = stanza.getTo();
        return to != null && to.isNodeSet() && to.isResourceSet() ? handler : null;
    }
}
