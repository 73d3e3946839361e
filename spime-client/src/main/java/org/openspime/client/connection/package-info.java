/**
 * An entity's connection to its gate: {@link org.openspime.client.connection.ConnectionSettings} (OSID, password,
 * gate address), {@link org.openspime.client.connection.GateTrust} (pinned fingerprint, CA file or platform) and
 * {@link org.openspime.client.connection.GateConnection} (login, keep-alive, reconnection with backoff).
 */
package org.openspime.client.connection;
