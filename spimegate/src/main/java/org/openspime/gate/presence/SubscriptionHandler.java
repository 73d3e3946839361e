package org.openspime.gate.presence;

import java.util.List;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.delivery.LocalDeliveryUtils;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.delivery.failure.IgnoreFailureStrategy;
import org.apache.vysper.xmpp.stanza.XMPPCoreStanza;
import org.apache.vysper.xmpp.modules.core.im.handler.PresenceHandler;
import org.apache.vysper.xmpp.modules.roster.AskSubscriptionType;
import org.apache.vysper.xmpp.modules.roster.RosterException;
import org.apache.vysper.xmpp.modules.roster.RosterItem;
import org.apache.vysper.xmpp.modules.roster.RosterStanzaUtils;
import org.apache.vysper.xmpp.modules.roster.RosterSubscriptionMutator;
import org.apache.vysper.xmpp.modules.roster.SubscriptionType;
import org.apache.vysper.xmpp.modules.roster.persistence.RosterManager;
import org.apache.vysper.xmpp.modules.roster.persistence.RosterManagerUtils;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.PresenceStanza;
import org.apache.vysper.xmpp.stanza.PresenceStanzaType;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.apache.vysper.xmpp.state.resourcebinding.ResourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscription requests and approvals in the order RFC 6121 3.1 needs them; everything else goes to Vysper's
 * {@link PresenceHandler}.
 *
 * <ul>
 *   <li><b>Outbound request</b> (3.1.2): Vysper routed the request to the contact first and pushed the requester's
 *   roster ({@code ask="subscribe"}) afterwards. A contact that approves at once gets its approval handled, and the
 *   requester's roster pushed with {@code subscription="to"}, on another thread, which could overtake the
 *   earlier push: the requester's client then ended at "none, pending" forever. Here the roster is stored and
 *   pushed before the request leaves, so the approval's push always comes second.</li>
 *   <li><b>Inbound approval</b> (3.1.6): Vysper updated the roster but never delivered the {@code subscribed}
 *   presence itself. Here it is delivered when the user had asked for the subscription.</li>
 * </ul>
 */
final class SubscriptionHandler extends PresenceHandler {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionHandler.class);

    @Override
    protected Stanza executeCore(XMPPCoreStanza stanza, ServerRuntimeContext runtime, boolean isOutboundStanza,
                                 SessionContext session) {
        PresenceStanza presence = (PresenceStanza) stanza;
        PresenceStanzaType type = presence.getPresenceType();
        if (isOutboundStanza && type == PresenceStanzaType.SUBSCRIBE && presence.getTo() != null
                && session != null && session.getInitiatingEntity() != null) {
            requestSubscription(presence, runtime, session);
            return null;
        }
        if (!isOutboundStanza && type == PresenceStanzaType.SUBSCRIBED && presence.getTo() != null
                && presence.getFrom() != null && session != null) {
            boolean asked = hadAsked(runtime, session, presence.getTo().getBareJID(), presence.getFrom().getBareJID());
            Stanza answer = super.executeCore(stanza, runtime, false, session);
            if (asked) {
                session.getResponseWriter().write(presence);
            }
            return answer;
        }
        return super.executeCore(stanza, runtime, isOutboundStanza, session);
    }

    private void requestSubscription(PresenceStanza presence, ServerRuntimeContext runtime, SessionContext session) {
        Entity user = session.getInitiatingEntity().getBareJID();
        Entity contact = presence.getTo().getBareJID();
        RosterManager rosters = RosterManagerUtils.getRosterInstance(runtime, session);
        RosterItem item;
        RosterSubscriptionMutator.Result result;
        try {
            item = rosters.getContact(user, contact);
            if (item == null) {
                item = new RosterItem(contact, SubscriptionType.NONE);
            }
            result = RosterSubscriptionMutator.getInstance().add(item, AskSubscriptionType.ASK_SUBSCRIBE);
            if (result == RosterSubscriptionMutator.Result.OK) {
                rosters.addContact(user, item);
            }
        } catch (RosterException e) {
            throw new IllegalStateException("roster of " + user + " could not be updated", e);
        }
        if (result == RosterSubscriptionMutator.Result.OK) {
            pushRoster(runtime.getResourceRegistry(), user, item, session);
        } else if (result != RosterSubscriptionMutator.Result.ALREADY_SET || subscribedTo(item)) {
            // already subscribed: RFC 6121 3.1.2 lets the server answer for the contact instead of routing again
            log.debug("{} asked again for {}'s presence ({}); not routed", user, contact, result);
            return;
        }
        Stanza stamped = StanzaBuilder.createPresenceStanza(user, contact, null, PresenceStanzaType.SUBSCRIBE, null,
                null).build();
        try {
            runtime.getStanzaRelay().relay(contact, stamped, new IgnoreFailureStrategy());
        } catch (DeliveryException e) {
            log.debug("subscription request from {} to {} not relayed: {}", user, contact, e.toString());
        }
    }

    private static boolean subscribedTo(RosterItem item) {
        SubscriptionType s = item.getSubscriptionType();
        return s == SubscriptionType.TO || s == SubscriptionType.BOTH;
    }

    private static void pushRoster(ResourceRegistry registry, Entity user, RosterItem item, SessionContext session) {
        List<String> resources = registry.getInterestedResources(user);
        for (String resource : resources) {
            Stanza push = RosterStanzaUtils.createRosterItemPushIQ(new EntityImpl(user, resource),
                    session.nextSequenceValue(), item);
            LocalDeliveryUtils.relayToResourceDirectly(registry, resource, push);
        }
    }

    private static boolean hadAsked(ServerRuntimeContext runtime, SessionContext session, Entity user,
                                    Entity contact) {
        try {
            RosterItem item = RosterManagerUtils.getRosterInstance(runtime, session).getContact(user, contact);
            return item != null && item.getAskSubscriptionType() == AskSubscriptionType.ASK_SUBSCRIBE;
        } catch (RosterException e) {
            return false;
        }
    }
}
