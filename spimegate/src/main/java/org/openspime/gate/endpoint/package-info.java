/**
 * The gate's listening sockets: MINA acceptors it configures itself (bind address, listen backlog, TLS
 * protocols, per-connection ordered processing, idle and write timeouts), which Vysper's {@code TCPEndpoint}
 * does not allow.
 */
package org.openspime.gate.endpoint;
