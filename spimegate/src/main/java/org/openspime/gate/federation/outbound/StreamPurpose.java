package org.openspime.gate.federation.outbound;

import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * What an outbound s2s stream is opened for, once it is secured: carrying stanzas (an {@link OutboundLink},
 * authenticated by {@code db:result}) or checking a dialback key for the receiving side (a {@link Verification},
 * {@code db:verify}). Exactly one of {@link #failed} or {@link #closed} ends it.
 */
interface StreamPurpose {
    /** TLS is up, the peer is verified, and its post-TLS features have arrived. */
    void ready(OutboundStream stream);

    /** Whether to authenticate with SASL EXTERNAL (XEP-0178) when the peer offers it, before dialback. */
    default boolean wantsSaslExternal() {
        return false;
    }

    /** The peer accepted this gate's certificate for its domain (SASL EXTERNAL) and the stream restarted. */
    default void authenticatedByCertificate(OutboundStream stream) {
        throw new IllegalStateException("SASL EXTERNAL was not asked for");
    }

    /** A dialback answer ({@code db:result} or {@code db:verify} with a type) arrived. */
    void dialbackAnswer(Stanza answer, OutboundStream stream);

    /**
     * The stream could not be set up or was refused.
     *
     * @param condition {@code remote-server-not-found} or {@code remote-server-timeout} (RFC 6120 8.3.3)
     */
    void failed(String condition, String reason);

    /** The stream ended after {@link #ready}. */
    void closed();
}
