package org.openspime.gate.sasl;

import java.util.Locale;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.authorization.SASLMechanism;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.identity.IdentityException;
import org.openspime.gate.identity.Jid;

/**
 * A mechanism the gate offers. It is a Vysper {@link SASLMechanism} so that ServerFeatures advertises it; Vysper's
 * own one-step {@link #started} path is routed through the same {@link SaslAuthenticator} as the gate's handlers,
 * so the TLS, throttle and account-state rules hold whichever handler receives the {@code <auth/>}.
 */
public abstract class GateSaslMechanism implements SASLMechanism {
    private final SaslAuthenticator authenticator;

    GateSaslMechanism(SaslAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Starts a new exchange for a session of the gate serving {@code domain}. */
    abstract SaslNegotiation begin(String domain);

    @Override
    public Stanza started(SessionContext sessionContext, SessionStateHolder sessionStateHolder, Stanza authStanza) {
        return authenticator.auth(sessionContext, sessionStateHolder, authStanza);
    }

    /**
     * The account a SASL username names: a simple username ({@code alice}) is a local part of the gate's domain
     * (RFC 6120 section 6.3.7); a bare JID of the gate's domain is accepted too. Null for anything else.
     */
    static Entity account(String username, String domain) {
        if (username == null || username.isEmpty()) {
            return null;
        }
        String text = username.contains("@") ? username : username + "@" + domain;
        try {
            Jid jid = Jid.parse(text);
            if (jid.isFull() || !jid.domain().equals(domain.toLowerCase(Locale.ROOT))) {
                return null;
            }
            return jid.toEntity();
        } catch (IdentityException e) {
            return null;
        }
    }
}
