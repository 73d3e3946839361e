package org.openspime.gate.sasl;

import org.apache.vysper.xmpp.modules.core.sasl.handler.AbstractSASLHandler;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainerImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * One SASL element ({@code auth}, {@code response}, {@code abort}). Extends Vysper's AbstractSASLHandler only
 * because Vysper's ENCRYPTED-state worker lets SASL stanzas through by that type; {@link #execute} is replaced
 * entirely (Vysper's version keeps a retry counter in ServerFeatures and has no answer for multi-step exchanges).
 */
abstract class SaslHandler extends AbstractSASLHandler {
    private final String element;
    final SaslAuthenticator authenticator;

    SaslHandler(String element, SaslAuthenticator authenticator) {
        this.element = element;
        this.authenticator = authenticator;
    }

    @Override
    public String getName() {
        return element;
    }

    @Override
    public boolean isSessionRequired() {
        return true;
    }

    @Override
    public boolean verify(Stanza stanza) {
        return stanza != null && element.equals(stanza.getName())
                && NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_SASL.equals(stanza.getNamespaceURI());
    }

    @Override
    public ResponseStanzaContainer execute(Stanza stanza, ServerRuntimeContext serverRuntimeContext,
                                           boolean isOutboundStanza, SessionContext sessionContext,
                                           SessionStateHolder sessionStateHolder) {
        return executeWorker(stanza, sessionContext, sessionStateHolder);
    }

    @Override
    protected ResponseStanzaContainer executeWorker(Stanza stanza, SessionContext sessionContext,
                                                    SessionStateHolder sessionStateHolder) {
        return new ResponseStanzaContainerImpl(answer(stanza, sessionContext, sessionStateHolder));
    }

    abstract Stanza answer(Stanza stanza, SessionContext session, SessionStateHolder state);

    static final class Auth extends SaslHandler {
        Auth(SaslAuthenticator a) {
            super("auth", a);
        }

        @Override
        Stanza answer(Stanza stanza, SessionContext session, SessionStateHolder state) {
            return authenticator.auth(session, state, stanza);
        }
    }

    static final class Response extends SaslHandler {
        Response(SaslAuthenticator a) {
            super("response", a);
        }

        @Override
        Stanza answer(Stanza stanza, SessionContext session, SessionStateHolder state) {
            return authenticator.response(session, state, stanza);
        }
    }

    static final class Abort extends SaslHandler {
        Abort(SaslAuthenticator a) {
            super("abort", a);
        }

        @Override
        Stanza answer(Stanza stanza, SessionContext session, SessionStateHolder state) {
            return authenticator.abort(session);
        }
    }
}
