package org.openspime.gate.routing;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.protocol.StanzaHandler;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * Takes IQ results and errors addressed to the server itself (no {@code to}, the gate's domain, or the sender's
 * own bare JID) and answers nothing, as RFC 6120 8.2.3 requires. Vysper's IQ handlers answer a client's reply to
 * a roster push with {@code feature-not-implemented} (notes, item 12). Registered ahead of Vysper's handlers.
 */
public final class ResultSinkDictionary implements HandlerDictionary {
    private final Entity server;
    private final StanzaHandler sink = new Sink();

    public ResultSinkDictionary(Entity server) {
        this.server = server;
    }

    @Override
    public void register(StanzaHandler stanzaHandler) {
        throw new UnsupportedOperationException("the result sink holds exactly one handler");
    }

    @Override
    public void seal() {
        // fixed at construction
    }

    @Override
    public StanzaHandler get(Stanza stanza) {
        if (!"iq".equals(stanza.getName())) {
            return null;
        }
        String type = stanza.getAttributeValue("type");
        if (!"result".equals(type) && !"error".equals(type)) {
            return null;
        }
        Entity to = stanza.getTo();
        if (to == null || to.equals(server) || (to.isNodeSet() && !to.isResourceSet() && isSendersOwn(stanza, to))) {
            return sink;
        }
        return null;
    }

    private static boolean isSendersOwn(Stanza stanza, Entity to) {
        Entity from = stanza.getFrom();
        // a client's stanza usually has no 'from'; a bare JID 'to' of one's own account is then the usual case
        return from == null || from.getBareJID().equals(to.getBareJID());
    }

    private static final class Sink implements StanzaHandler {
        @Override
        public String getName() {
            return "iq";
        }

        @Override
        public boolean verify(Stanza stanza) {
            return "iq".equals(stanza.getName());
        }

        @Override
        public boolean isSessionRequired() {
            return true;
        }

        @Override
        public ResponseStanzaContainer execute(Stanza stanza, ServerRuntimeContext runtime, boolean isOutboundStanza,
                                               SessionContext session, SessionStateHolder stateHolder) {
            return null;
        }
    }
}
