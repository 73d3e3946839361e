package org.openspime.gate.routing;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainerImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.openspime.gate.engine.IqHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays an IQ from a local session to another entity's full JID: checks the RFC 6120 8.2.3 rules (id, type,
 * one child for get/set), stamps the sender's bound full JID as {@code from}, and hands it to the relay, which
 * answers {@code service-unavailable} if the recipient is not online.
 */
public final class DirectIqHandler extends IqHandler {
    private static final Logger log = LoggerFactory.getLogger(DirectIqHandler.class);

    @Override
    public ResponseStanzaContainer execute(Stanza stanza, ServerRuntimeContext runtime, boolean isOutboundStanza,
                                           SessionContext session, SessionStateHolder stateHolder) {
        String type = stanza.getAttributeValue("type");
        String id = stanza.getAttributeValue("id");
        int children = stanza.getInnerElements().size();
        String problem = null;
        if (id == null) {
            problem = "an iq needs an 'id'";
        } else if (type == null || !(type.equals("get") || type.equals("set") || type.equals("result")
                || type.equals("error"))) {
            problem = "an iq needs a 'type' of get, set, result or error";
        } else if ((type.equals("get") || type.equals("set")) && children != 1) {
            problem = "an iq of type get or set carries exactly one child element";
        }
        if (problem != null) {
            if ("error".equals(type)) {
                return null;
            }
            return new ResponseStanzaContainerImpl(Bounce.of(stanza, "bad-request", problem));
        }
        Entity from = senderOf(stanza, runtime, session);
        if (from == null) {
            return new ResponseStanzaContainerImpl(Bounce.of(stanza, "not-authorized", "no bound resource"));
        }
        Stanza forwarded = StanzaBuilder.createForward(stanza, from, null).build();
        try {
            runtime.getStanzaRelay().relay(stanza.getTo(), forwarded, null);
        } catch (DeliveryException e) {
            log.warn("iq {} from {} to {} not relayed: {}", id, from, stanza.getTo(), e.toString());
            return new ResponseStanzaContainerImpl(Bounce.of(stanza, "service-unavailable", "not relayed"));
        }
        return null;
    }

    private static Entity senderOf(Stanza stanza, ServerRuntimeContext runtime, SessionContext session) {
        if (session.isServerToServer()) {
            return stanza.getFrom();
        }
        String resource = runtime.getResourceRegistry().getUniqueResourceForSession(session);
        if (resource == null || session.getInitiatingEntity() == null) {
            return null;
        }
        return new EntityImpl(session.getInitiatingEntity().getBareJID(), resource);
    }
}
