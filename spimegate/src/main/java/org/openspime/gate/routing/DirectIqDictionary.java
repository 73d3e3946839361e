package org.openspime.gate.routing;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.config.DomainSettings;
import org.openspime.gate.engine.SingleHandlerDictionary;

/**
 * Claims every IQ addressed to a full JID, and every IQ addressed to another domain (a peer's account, server or
 * component such as {@code certification.b.example}), before Vysper's namespace handlers see it: an IQ to
 * {@code co2node@gate/co2} is for that entity, whatever its child's namespace (Vysper would otherwise answer a
 * {@code jabber:iq:version} query itself, or refuse with {@code service-unavailable} when the two entities share
 * no roster subscription), and an IQ to {@code certification.b.example} is for gate B's service, not for this
 * gate's handler of the same namespace. Must be registered first among the gate's dictionaries.
 */
public final class DirectIqDictionary extends SingleHandlerDictionary {
    private final String localDomain;

    public DirectIqDictionary(DirectIqHandler handler, Entity server) {
        super(handler);
        this.localDomain = server.getDomain();
    }

    @Override
    protected boolean claims(Stanza stanza) {
        if (!"iq".equals(stanza.getName())) {
            return false;
        }
        Entity to = stanza.getTo();
        return to != null && ((to.isNodeSet() && to.isResourceSet()) || isRemote(to.getDomain()));
    }

    private boolean isRemote(String domain) {
        return !DomainSettings.within(domain, localDomain);
    }
}
