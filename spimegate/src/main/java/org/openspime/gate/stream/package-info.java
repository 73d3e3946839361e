/**
 * The XMPP stream codec the gate uses instead of Vysper's: a per-connection, non-blocking XML parser (Aalto)
 * that turns bytes into Vysper {@link org.apache.vysper.xmpp.stanza.Stanza}s, and an encoder that renders them.
 *
 * <p>Why not Vysper's: its tokenizer and encoder share one static {@code CharsetDecoder}/{@code CharsetEncoder}
 * across every connection and thread, which corrupts parsing under concurrent senders and drops connections
 * (notes, item 9). It also never reports the end of the stream, cannot bound a stanza's size and accepts
 * restricted XML (comments, processing instructions, DTDs). Here every connection owns its parser, the
 * encoder holds no state, and each violation becomes a {@link org.openspime.gate.stream.StreamViolation}
 * carrying the RFC 6120 stream error condition to answer with.
 */
package org.openspime.gate.stream;
