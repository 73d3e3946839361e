package org.openspime.gate.routing;

import java.util.List;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.delivery.StanzaRelay;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.delivery.failure.DeliveryFailureStrategy;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.protocol.StanzaHandler;
import org.apache.vysper.xmpp.protocol.StanzaProcessor;
import org.apache.vysper.xmpp.protocol.worker.InboundStanzaProtocolWorker;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.server.SessionState;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.engine.ActingEntity;
import org.openspime.gate.engine.GateResourceRegistry;
import org.openspime.gate.session.GateSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stanzas to local sessions, synchronously, in the thread that handles the sender's stanza.
 *
 * <p>Why synchronous: the endpoint processes each connection's stanzas in order on an ordered executor, and
 * writing to a MINA session only enqueues, so delivering inline keeps one sender's stanzas to one recipient in
 * order without a second queue. Vysper's relay hands every stanza to an unordered 10-thread pool, which is how
 * its messages arrived out of order (notes, item 1).
 *
 * <p>Messages and IQs are written straight to the recipient's connection; presence goes through Vysper's
 * inbound presence handling (roster state, presence cache). What cannot be delivered is answered with
 * {@code service-unavailable} where RFC 6120/6121 allow an answer, never silently dropped.
 */
public final class LocalRelay implements StanzaRelay {
    private static final Logger log = LoggerFactory.getLogger(LocalRelay.class);

    private final Entity serverEntity;
    private final GateResourceRegistry registry;
    private final StanzaRelay external;
    private final DeliveryCounter counter;
    private final InboundStanzaProtocolWorker inbound = new InboundStanzaProtocolWorker();
    private final SessionStateHolder inboundState = new AuthenticatedStateHolder();
    private volatile ServerRuntimeContext runtime;

    /** Told of each delivery outcome, for metrics. */
    public interface DeliveryCounter {
        void delivered(String kind);

        void bounced(String kind, String reason);
    }

    public LocalRelay(Entity serverEntity, GateResourceRegistry registry, StanzaRelay external,
                      DeliveryCounter counter) {
        this.serverEntity = serverEntity;
        this.registry = registry;
        this.external = external;
        this.counter = counter;
    }

    public void setServerRuntimeContext(ServerRuntimeContext runtime) {
        this.runtime = runtime;
    }

    @Override
    public void relay(Entity receiver, Stanza stanza, DeliveryFailureStrategy failureStrategy)
            throws DeliveryException {
        String domain = receiver.getDomain();
        if (!domain.equals(serverEntity.getDomain())) {
            if (domain.endsWith("." + serverEntity.getDomain()) && !receiver.isNodeSet()) {
                StanzaProcessor component = runtime.getComponentStanzaProcessor(receiver);
                if (component != null) {
                    component.processStanza(runtime, null, stanza, null);
                    return;
                }
            }
            if (external != null) {
                external.relay(receiver, stanza, failureStrategy);
            } else {
                bounce(stanza, "remote-server-not-found", "this gate does not federate with " + domain);
            }
            return;
        }
        if (!receiver.isNodeSet()) {
            bounce(stanza, "service-unavailable", "the gate does not handle this stanza");
            return;
        }
        if (receiver.isResourceSet()) {
            deliverToFullJid(receiver, stanza);
        } else {
            deliverToAccount(receiver, stanza);
        }
    }

    private void deliverToFullJid(Entity receiver, Stanza stanza) {
        SessionContext session = registry.sessionOf(receiver);
        if (session == null || session.getState() != SessionState.AUTHENTICATED) {
            bounce(stanza, "service-unavailable", receiver.getFullQualifiedName() + " is not online");
            return;
        }
        deliver(session, receiver, stanza);
    }

    private void deliverToAccount(Entity receiver, Stanza stanza) {
        List<SessionContext> sessions = "presence".equals(stanza.getName())
                ? registry.sessionsOf(receiver)
                : registry.getHighestPrioSessions(receiver, 0);
        boolean any = false;
        for (SessionContext s : sessions) {
            if (s.getState() == SessionState.AUTHENTICATED) {
                deliver(s, receiver, stanza);
                any = true;
            }
        }
        if (!any) {
            bounce(stanza, "service-unavailable", receiver.getFullQualifiedName() + " has no session online");
        }
    }

    private void deliver(SessionContext session, Entity receiver, Stanza stanza) {
        if (isRequest(stanza) && session instanceof GateSession recipient && recipient.isBusy()) {
            // back-pressure: a recipient that reads slower than it is sent to (a ScopeNode, the fan-in of its scope)
            // gets no more requests for now; senders retry later, instead of the gate queueing until it must cut
            // the recipient off (GateSession.MAX_OUTBOX_BYTES) and lose everything queued for it
            bounce(stanza, "resource-constraint", receiver.getFullQualifiedName() + " is busy; retry later");
            return;
        }
        if ("presence".equals(stanza.getName())) {
            ActingEntity.runAs(receiver, () -> presenceInbound(session, stanza));
        } else {
            session.getResponseWriter().write(stanza);
        }
        counter.delivered(stanza.getName());
    }

    private static boolean isRequest(Stanza stanza) {
        String type = stanza.getAttributeValue("type");
        return "iq".equals(stanza.getName()) && ("get".equals(type) || "set".equals(type));
    }

    private void presenceInbound(SessionContext session, Stanza stanza) {
        StanzaHandler handler = session.getServerRuntimeContext().getHandler(stanza);
        try {
            inbound.processStanza(session, inboundState, stanza, handler);
        } catch (RuntimeException e) {
            log.warn("presence delivery to session {} failed: {}", session.getSessionId(), e.toString());
        }
    }

    private void bounce(Stanza stanza, String condition, String text) {
        counter.bounced(stanza.getName(), condition);
        if (!Bounce.allowedFor(stanza) || stanza.getFrom() == null) {
            log.debug("dropped undeliverable {} ({}): {}", stanza.getName(), condition, text);
            return;
        }
        try {
            relay(stanza.getFrom(), Bounce.of(stanza, condition, text), null);
        } catch (DeliveryException e) {
            log.debug("could not return error to {}: {}", stanza.getFrom(), e.toString());
        }
    }

    /** Inbound delivery happens on behalf of authenticated recipients only; Vysper's worker wants a holder. */
    private static final class AuthenticatedStateHolder extends SessionStateHolder {
        @Override
        public void setState(SessionState newState) {
            throw new IllegalStateException("inbound delivery cannot change a session's state");
        }

        @Override
        public SessionState getState() {
            return SessionState.AUTHENTICATED;
        }
    }
}
