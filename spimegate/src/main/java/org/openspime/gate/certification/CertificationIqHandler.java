package org.openspime.gate.certification;

import java.util.Objects;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.delivery.failure.IgnoreFailureStrategy;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainerImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.IQStanzaType;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.gate.engine.GateResourceRegistry;
import org.openspime.gate.engine.IqErrors;
import org.openspime.gate.engine.IqHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers IQs addressed to the certification service.
 *
 * <p>It runs where the sender's session is known (registered ahead of Vysper's relaying IQ handler by
 * {@link CertificationModule}), because that is the only place the sender can be established: for a client
 * stream it is the full JID the session bound, whatever the stanza's {@code from} says. Vysper's own checks
 * let a client write the {@code from} of any resource its account has bound (a bridge's {@code spime1} could
 * pass for {@code spime2}), and its relaying handler keeps such a {@code from}; here it is ignored. For a
 * server-to-server stream, Vysper has checked the {@code from}'s domain against the authenticated peer.
 *
 * <p>Every refusal becomes an IQ error with the condition, type and text of the
 * {@link CertificationException}; the service goes on serving everyone else.
 */
final class CertificationIqHandler extends IqHandler {
    private static final Logger log = LoggerFactory.getLogger(CertificationIqHandler.class);

    private final Entity service;
    private final CertificationRequests requests;

    CertificationIqHandler(Entity service, CertificationRequests requests) {
        this.service = Objects.requireNonNull(service, "service");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public ResponseStanzaContainer execute(Stanza stanza, ServerRuntimeContext runtime, boolean isOutboundStanza,
                                           SessionContext session, SessionStateHolder stateHolder) {
        Entity sender = senderOf(stanza, runtime, session);
        Stanza answer = answer(stanza, sender);
        if (answer == null) {
            return null;
        }
        if (session != null && !session.isServerToServer()) {
            return new ResponseStanzaContainerImpl(answer);
        }
        relay(runtime, answer);
        return null;
    }

    /** For IQs that reach the component through the relay (no session): the relay stamped {@code from}. */
    void executeRelayed(Stanza stanza, ServerRuntimeContext runtime) {
        Stanza answer = answer(stanza, stanza.getFrom());
        if (answer != null) {
            relay(runtime, answer);
        }
    }

    private Stanza answer(Stanza stanza, Entity sender) {
        String type = stanza.getAttributeValue("type");
        String id = stanza.getAttributeValue("id");
        if ("result".equals(type) || "error".equals(type)) {
            return null; // nothing is asked of us; never answer an answer
        }
        if (id == null || !("get".equals(type) || "set".equals(type)) || stanza.getInnerElements().size() != 1) {
            return error(stanza, sender, "modify", "bad-request",
                    "an iq needs an 'id', a 'type' of get or set, and exactly one child element");
        }
        if (sender == null) {
            return error(stanza, null, "auth", "not-authorized", "the sender has no bound resource");
        }
        XMLElement child = stanza.getFirstInnerElement();
        try {
            Jid from = Jid.of(sender.getFullQualifiedName());
            String result = requests.answer(from, type, child.getNamespaceURI(), child.getName(), ElementXml.render(child));
            return StanzaBuilder.createIQStanza(service, sender, IQStanzaType.RESULT, id)
                    .addPreparedElement(ElementXml.parse(result)).build();
        } catch (CertificationException e) {
            log.info("certification: refused {} <{}/> from {}: {} ({})", type, child.getName(),
                    sender.getFullQualifiedName(), e.getMessage(), e.stanzaError().condition());
            return error(stanza, sender, e.stanzaError().type(), e.stanzaError().condition(), e.getMessage());
        } catch (CertificationRequests.Unsupported e) {
            return error(stanza, sender, "cancel", e.knownPayload() ? "feature-not-implemented" : "service-unavailable",
                    e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(stanza, sender, "modify", "jid-malformed", e.getMessage());
        } catch (RuntimeException e) {
            log.error("certification: failed to answer {} <{}/> from {}", type, child.getName(),
                    sender.getFullQualifiedName(), e);
            return error(stanza, sender, "wait", "internal-server-error", "the certification service failed; try again");
        }
    }

    private Stanza error(Stanza request, Entity to, String type, String condition, String text) {
        return IqErrors.of(request, service, to, type, condition, text);
    }

    private static Entity senderOf(Stanza stanza, ServerRuntimeContext runtime, SessionContext session) {
        if (session == null || session.isServerToServer()) {
            return stanza.getFrom();
        }
        if (runtime.getResourceRegistry() instanceof GateResourceRegistry registry) {
            return registry.boundJid(session);
        }
        String resource = runtime.getResourceRegistry().getUniqueResourceForSession(session);
        return resource == null || session.getInitiatingEntity() == null ? null
                : new EntityImpl(session.getInitiatingEntity().getBareJID(), resource);
    }

    private static void relay(ServerRuntimeContext runtime, Stanza answer) {
        if (answer.getTo() == null) {
            return;
        }
        try {
            runtime.getStanzaRelay().relay(answer.getTo(), answer, new IgnoreFailureStrategy());
        } catch (DeliveryException e) {
            log.debug("certification: answer to {} not delivered: {}", answer.getTo(), e.toString());
        }
    }
}
