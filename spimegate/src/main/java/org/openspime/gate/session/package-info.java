/**
 * One client or server connection as Vysper sees it ({@link org.openspime.gate.session.GateSession}) and the
 * MINA handler that feeds it ({@link org.openspime.gate.session.GateIoHandler}): stream start and end, stream
 * errors for what the decoder refused, the per-connection stanza rate limit, TLS switching.
 */
package org.openspime.gate.session;
