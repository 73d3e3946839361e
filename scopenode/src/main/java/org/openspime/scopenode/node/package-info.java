/**
 * The ScopeNode daemon put together: its settings, its key pair on disk and in certification, the trust it places
 * in the gate's certification service, and {@link org.openspime.scopenode.node.ScopeNode}, which starts the
 * database, the ingest queue, the XMPP session with the report handler, the HTTP query server and the scheduled
 * tasks, and stops them in the order that loses nothing.
 */
package org.openspime.scopenode.node;
