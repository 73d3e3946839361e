/**
 * The spime talk element, {@code <talk xmlns='urn:openspime:talk:1'/>} inside a {@code <message type='normal'/>}
 * ({@code docs/protocol-talk.md}), and its Smack provider. The element carries binary fields as base64 and is
 * checked by {@code talk.crypto}; nothing here trusts what it reads.
 */
package org.openspime.client.talk.element;
