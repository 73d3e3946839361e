/**
 * RFC 6121 presence subscriptions where Vysper's handling is wrong: {@link org.openspime.gate.presence.SubscriptionHandler}
 * takes subscription requests and approvals ahead of Vysper's presence handler (notes, item 12; docs/vysper-replacements.md).
 */
package org.openspime.gate.presence;
