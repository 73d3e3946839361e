package org.openspime.gate.sasl;

import java.util.List;
import java.util.function.Function;
import org.apache.vysper.xmpp.authorization.SASLMechanism;
import org.apache.vysper.xmpp.protocol.NamespaceHandlerDictionary;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.server.SessionContext;
import org.openspime.gate.identity.IdentityRegistry;

/**
 * The gate's handlers for the SASL namespace, to be registered in place of Vysper's SASLStanzaDictionary.
 * Give {@link #mechanisms()} to {@code ServerFeatures.setAuthenticationMethods} so the stream features offer
 * exactly what these handlers accept (SCRAM-SHA-256, SCRAM-SHA-1, PLAIN).
 */
public final class SaslDictionary extends NamespaceHandlerDictionary {
    private final SaslAuthenticator authenticator;

    /**
     * @param identities    accounts, credentials and their state
     * @param throttle      refuses addresses and accounts with too many recent failures
     * @param listener      hears every outcome (metrics)
     * @param remoteAddress the remote address of a session (the gate's session class knows it)
     */
    public SaslDictionary(IdentityRegistry identities, LoginThrottle throttle, LoginListener listener,
                          Function<SessionContext, String> remoteAddress) {
        super(NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_SASL);
        this.authenticator = new SaslAuthenticator(identities, throttle, listener, remoteAddress);
        register(new SaslHandler.Auth(authenticator));
        register(new SaslHandler.Response(authenticator));
        register(new SaslHandler.Abort(authenticator));
        seal();
    }

    /** The mechanisms, strongest first, as Vysper's ServerFeatures wants them. */
    public List<SASLMechanism> mechanisms() {
        return List.copyOf(authenticator.mechanisms());
    }
}
