package org.openspime.gate.directory;

import java.time.Clock;
import java.util.Optional;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainerImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.IQStanzaType;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.openspime.gate.engine.GateResourceRegistry;
import org.openspime.gate.engine.IqErrors;
import org.openspime.gate.engine.IqHandler;
import org.openspime.gate.identity.Identity;
import org.openspime.gate.identity.IdentityRegistry;
import org.openspime.gate.identity.OsidKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers directory IQs sent to the gate's domain by its own entities.
 *
 * <ul>
 * <li>set {@code <announce/>}: only from a session bound to an enabled SCOPENODE OSID ({@code forbidden}
 * otherwise); a malformed element is {@code bad-request} with the rule it broke; kept, then an empty result.</li>
 * <li>get {@code <scopes/>}: the public scopes of enabled ScopeNodes, each with its online state.</li>
 * </ul>
 *
 * <p>The sender is the full JID the session bound, whatever the stanza's {@code from} says (see
 * {@link org.openspime.gate.certification} for why). A peer gate's stream gets {@code forbidden}: the directory
 * is this gate's own. Any failure answers the sender with an error and the gate goes on serving everyone else.
 */
final class ScopeDirectoryIqHandler extends IqHandler {
    private static final Logger log = LoggerFactory.getLogger(ScopeDirectoryIqHandler.class);

    private final Entity gate;
    private final GateResourceRegistry sessions;
    private final IdentityRegistry identities;
    private final ScopeDirectory directory;
    private final Clock clock;

    ScopeDirectoryIqHandler(Entity gate, GateResourceRegistry sessions, IdentityRegistry identities,
                            ScopeDirectory directory, Clock clock) {
        this.gate = gate;
        this.sessions = sessions;
        this.identities = identities;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public ResponseStanzaContainer execute(Stanza stanza, ServerRuntimeContext runtime, boolean isOutboundStanza,
                                           SessionContext session, SessionStateHolder stateHolder) {
        String type = stanza.getAttributeValue("type");
        if ("result".equals(type) || "error".equals(type)) {
            return null;
        }
        Entity sender = session == null || session.isServerToServer() ? null : sessions.boundJid(session);
        return new ResponseStanzaContainerImpl(answer(stanza, type, sender));
    }

    private Stanza answer(Stanza stanza, String type, Entity sender) {
        if (sender == null) {
            return error(stanza, stanza.getFrom(), "auth", "forbidden", "the scope directory serves this gate's own entities");
        }
        if (stanza.getAttributeValue("id") == null || stanza.getInnerElements().size() != 1) {
            return error(stanza, sender, "modify", "bad-request", "a directory iq needs an 'id' and exactly one child element");
        }
        XMLElement child = stanza.getFirstInnerElement();
        try {
            if ("set".equals(type) && "announce".equals(child.getName())) {
                return announce(stanza, child, sender);
            }
            if ("get".equals(type) && "scopes".equals(child.getName())) {
                StanzaBuilder result = StanzaBuilder.createIQStanza(gate, sender, IQStanzaType.RESULT,
                        stanza.getAttributeValue("id"));
                ScopeDirectoryXml.writeScopes(result, directory.publicScopes());
                return result.build();
            }
            return error(stanza, sender, "modify", "bad-request", "the directory takes set <announce/> and get <scopes/>,"
                    + " not " + type + " <" + child.getName() + "/>");
        } catch (RuntimeException e) {
            log.error("scope directory: failed to answer {} <{}/> from {}", type, child.getName(), sender, e);
            return error(stanza, sender, "wait", "internal-server-error", "the scope directory failed; try again");
        }
    }

    private Stanza announce(Stanza stanza, XMLElement child, Entity sender) {
        String snid = sender.getFullQualifiedName();
        Optional<Identity> identity = identities.find(snid);
        if (identity.isEmpty() || identity.get().kind() != OsidKind.SCOPENODE || !identity.get().active()) {
            log.info("scope directory: refused an announcement from {}: not an enabled SNID", snid);
            return error(stanza, sender, "auth", "forbidden", snid + " is not a ScopeNode (SNID) of this gate;"
                    + " only ScopeNodes announce scopes");
        }
        try {
            ScopeAnnouncement a = ScopeDirectoryXml.announcement(child, identity.get().jid().toString(), clock.instant());
            directory.announce(a);
            log.info("scope directory: {} announced {} scope '{}'", a.snid(), a.visibility().token(), a.name());
            return StanzaBuilder.createIQStanza(gate, sender, IQStanzaType.RESULT, stanza.getAttributeValue("id")).build();
        } catch (MalformedAnnouncement e) {
            return error(stanza, sender, "modify", "bad-request", e.getMessage());
        }
    }

    private Stanza error(Stanza request, Entity to, String type, String condition, String text) {
        return IqErrors.of(request, gate, to, type, condition, text);
    }
}
