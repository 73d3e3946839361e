package org.openspime.gate.binding;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityFormatException;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainerImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.openspime.gate.engine.GateResourceRegistry;
import org.openspime.gate.engine.IqHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the requested resource (RFC 6120 7.6–7.7).
 *
 * <p>Conflicts follow the "override" option of RFC 6120 7.7.2.2: a device that reconnects before the gate
 * noticed its old connection died must get its SpimeID back at once, so the new session wins and the old one
 * is ended. {@code onReplaced} receives the old session, which the gate ends with a {@code conflict} stream
 * error.
 */
public final class RequestedResourceBindHandler extends IqHandler {
    private static final Logger log = LoggerFactory.getLogger(RequestedResourceBindHandler.class);
    private static final int MAX_RESOURCE_BYTES = 1023;

    private final GateResourceRegistry registry;
    private final BindPolicy policy;
    private final Consumer<SessionContext> onReplaced;
    private final Consumer<Entity> onBound;

    public RequestedResourceBindHandler(GateResourceRegistry registry, BindPolicy policy,
                                        Consumer<SessionContext> onReplaced, Consumer<Entity> onBound) {
        this.registry = registry;
        this.policy = policy;
        this.onReplaced = onReplaced;
        this.onBound = onBound;
    }

    @Override
    public boolean verify(Stanza stanza) {
        return "iq".equals(stanza.getName()) && stanza.getInnerElements().size() == 1
                && "bind".equals(stanza.getInnerElements().get(0).getName());
    }

    @Override
    public ResponseStanzaContainer execute(Stanza stanza, ServerRuntimeContext runtime, boolean isOutboundStanza,
                                           SessionContext session, SessionStateHolder stateHolder) {
        String id = stanza.getAttributeValue("id");
        if (!"set".equals(stanza.getAttributeValue("type")) || id == null) {
            return error(stanza, "modify", "bad-request", "bind is an iq of type set with an id");
        }
        Entity account = session.getInitiatingEntity();
        if (account == null) {
            return error(stanza, "auth", "not-authorized", "authenticate before binding a resource");
        }
        if (registry.boundJid(session) != null) {
            return error(stanza, "cancel", "not-allowed", "this session has already bound a resource");
        }
        String requested = requestedResource(stanza.getInnerElements().get(0));
        String resource;
        if (requested == null) {
            Optional<String> fallback = policy.defaultResource(account);
            if (fallback.isPresent()) {
                resource = fallback.get();
            } else if (policy.mayBind(account, null)) {
                resource = UUID.randomUUID().toString();
            } else {
                return error(stanza, "cancel", "not-allowed",
                        "ask for one of the OSIDs registered to " + account.getFullQualifiedName());
            }
        } else {
            resource = requested;
        }
        Entity fullJid;
        try {
            fullJid = EntityImpl.parse(account.getBareJID().getFullQualifiedName() + "/" + resource);
        } catch (EntityFormatException e) {
            return error(stanza, "modify", "bad-request", "malformed resource: " + e.getMessage());
        }
        if (resource.isEmpty() || resource.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_RESOURCE_BYTES
                || resource.chars().anyMatch(Character::isISOControl)) {
            return error(stanza, "modify", "bad-request", "malformed resource");
        }
        if (!policy.mayBind(account, resource)) {
            log.info("bind refused: {} is not registered to {}", fullJid, account);
            return error(stanza, "cancel", "not-allowed",
                    fullJid.getFullQualifiedName() + " is not an OSID registered to this account");
        }
        SessionContext previous = registry.bind(session, fullJid);
        if (previous != null) {
            log.info("{} bound again; ending the older session {}", fullJid, previous.getSessionId());
            onReplaced.accept(previous);
        }
        onBound.accept(fullJid);
        Stanza result = StanzaBuilder.createIQStanza(null, null,
                        org.apache.vysper.xmpp.stanza.IQStanzaType.RESULT, id)
                .startInnerElement("bind", NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_BIND)
                .startInnerElement("jid", NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_BIND)
                .addText(fullJid.getFullQualifiedName()).endInnerElement().endInnerElement().build();
        return new ResponseStanzaContainerImpl(result);
    }

    private static String requestedResource(XMLElement bind) {
        for (XMLElement child : bind.getInnerElements()) {
            if ("resource".equals(child.getName())) {
                StringBuilder text = new StringBuilder();
                child.getInnerTexts().forEach(t -> text.append(t.getText()));
                return text.toString().isBlank() ? null : text.toString().trim();
            }
        }
        return null;
    }

    private static ResponseStanzaContainer error(Stanza stanza, String type, String condition, String text) {
        StanzaBuilder b = new StanzaBuilder("iq", NamespaceURIs.JABBER_CLIENT);
        String id = stanza.getAttributeValue("id");
        if (id != null) {
            b.addAttribute("id", id);
        }
        b.addAttribute("type", "error")
                .startInnerElement("error", NamespaceURIs.JABBER_CLIENT).addAttribute("type", type)
                .startInnerElement(condition, NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_STANZAS).endInnerElement()
                .startInnerElement("text", NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_STANZAS).addText(text)
                .endInnerElement()
                .endInnerElement();
        return new ResponseStanzaContainerImpl(b.build());
    }
}
