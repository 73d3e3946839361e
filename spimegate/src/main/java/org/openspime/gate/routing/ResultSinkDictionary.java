package org.openspime.gate.routing;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.engine.IqHandler;
import org.openspime.gate.engine.SingleHandlerDictionary;

/**
 * Takes IQ results and errors addressed to the server itself (no {@code to}, the gate's domain, or the sender's
 * own bare JID) and answers nothing, as RFC 6120 8.2.3 requires. Vysper's IQ handlers answer a client's reply to
 * a roster push with {@code feature-not-implemented} (notes, item 12). Registered ahead of Vysper's handlers.
 */
public final class ResultSinkDictionary extends SingleHandlerDictionary {
    private final Entity server;

    public ResultSinkDictionary(Entity server) {
        super(new Sink());
        this.server = server;
    }

    @Override
    protected boolean claims(Stanza stanza) {
        if (!"iq".equals(stanza.getName())) {
            return false;
        }
        String type = stanza.getAttributeValue("type");
        if (!"result".equals(type) && !"error".equals(type)) {
            return false;
        }
        Entity to = stanza.getTo();
        return to == null || to.equals(server) || (to.isNodeSet() && !to.isResourceSet() && isSendersOwn(stanza, to));
    }

    private static boolean isSendersOwn(Stanza stanza, Entity to) {
        Entity from = stanza.getFrom();
        // a client's stanza usually has no 'from'; a bare JID 'to' of one's own account is then the usual case
        return from == null || from.getBareJID().equals(to.getBareJID());
    }

    private static final class Sink extends IqHandler {
        @Override
        public ResponseStanzaContainer execute(Stanza stanza, ServerRuntimeContext runtime, boolean isOutboundStanza,
                                               SessionContext session, SessionStateHolder stateHolder) {
            return null;
        }
    }
}
