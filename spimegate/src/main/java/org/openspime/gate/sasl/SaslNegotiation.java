package org.openspime.gate.sasl;

import org.apache.vysper.xmpp.addressing.Entity;

/**
 * The server side of one SASL exchange, kept in the session between {@code <auth/>} and the last
 * {@code <response/>}. Not shared between sessions; Vysper processes one session's stanzas one at a time.
 */
interface SaslNegotiation {

    /**
     * Consumes the next client message: the initial response (null when the {@code <auth/>} carried none) or the
     * payload of a {@code <response/>}.
     */
    SaslStep evaluate(byte[] clientMessage);

    /** The account the client claims, once it has named one; null before. */
    Entity claimedAccount();
}
