/**
 * The gate's own bootstrap of Vysper: the runtime context, a synchronous stanza processor (ordering comes from
 * the endpoint's per-connection ordered executor), a resource registry keyed by full JID, and the assembly of
 * dictionaries, modules and storage in {@link org.openspime.gate.engine.XmppEngine}. Vysper's
 * {@code XMPPServer.start()} hard-codes the parts that lose ordering and ignore requested resources, so the gate
 * does not use it.
 */
package org.openspime.gate.engine;
