/**
 * Spime talk: signed, optionally encrypted messages between entities ({@code docs/protocol-talk.md}).
 * {@link org.openspime.client.talk.TalkManager} sends them and hands verified ones to
 * {@link org.openspime.client.talk.TalkListener}s; what fails a check is answered with a {@code <message type='error'/>}
 * carrying a {@link org.openspime.client.talk.TalkCondition}, which the sender's manager hands to its refusal listeners.
 * The element and its provider are in {@code talk.element}, sealing and checking in {@code talk.crypto}.
 */
package org.openspime.client.talk;
