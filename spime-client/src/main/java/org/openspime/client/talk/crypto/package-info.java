/**
 * Sealing and opening talk messages with the report protocol's primitives ({@code report.crypto.Primitives}):
 * SHA256withRSA over length-prefixed fields, AES-256-GCM with a fresh key per message wrapped with RSA-OAEP-SHA256 to
 * the recipient's certified key. {@link org.openspime.client.talk.crypto.TalkOpener} checks in the order of
 * {@code docs/protocol-talk.md} section 4 and refuses with a {@link org.openspime.client.talk.crypto.TalkRefusedException}
 * naming the condition.
 */
package org.openspime.client.talk.crypto;
