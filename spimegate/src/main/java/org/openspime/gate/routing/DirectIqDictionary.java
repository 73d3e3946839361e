package org.openspime.gate.routing;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.engine.SingleHandlerDictionary;

/**
 * Claims every IQ addressed to a full JID, before Vysper's namespace handlers see it: an IQ to
 * {@code co2node@gate/co2} is for that entity, whatever its child's namespace (Vysper would otherwise answer a
 * {@code jabber:iq:version} query itself, or refuse with {@code service-unavailable} when the two entities share
 * no roster subscription). Must be registered first among the gate's dictionaries.
 */
public final class DirectIqDictionary extends SingleHandlerDictionary {

    public DirectIqDictionary(DirectIqHandler handler) {
        super(handler);
    }

    @Override
    protected boolean claims(Stanza stanza) {
        if (!"iq".equals(stanza.getName())) {
            return false;
        }
        Entity to = stanza.getTo();
        return to != null && to.isNodeSet() && to.isResourceSet();
    }
}
