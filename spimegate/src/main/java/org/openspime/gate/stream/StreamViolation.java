package org.openspime.gate.stream;

import org.apache.vysper.xmpp.protocol.StreamErrorCondition;

/**
 * Something the peer sent that ends the stream: the condition to answer with and a human-readable reason.
 * Emitted by the decoder instead of a stanza; the decoder accepts nothing more from that connection.
 */
public record StreamViolation(StreamErrorCondition condition, String reason) {
}
