package org.openspime.gate.sasl;

import org.apache.vysper.xmpp.addressing.Entity;

/** What a negotiation answers to one client message. */
sealed interface SaslStep {

    /** Send {@code <challenge/>} with this data and wait for a {@code <response/>}. */
    record Challenge(byte[] data) implements SaslStep {
    }

    /** The client proved it holds the credentials of {@code account} (a bare JID). */
    record Success(Entity account, byte[] additionalData) implements SaslStep {
    }

    /** The exchange is over and failed; {@code account} is null when the client never named one. */
    record Failure(SaslFailure condition, Entity account, String reason) implements SaslStep {
    }
}
