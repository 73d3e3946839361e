/**
 * The gate's SASL (RFC 6120 section 6): PLAIN, SCRAM-SHA-1 and SCRAM-SHA-256 over TLS only, with multi-step
 * exchanges, which Vysper 0.7 cannot do (it has no handler for {@code <response/>}).
 * {@link org.openspime.gate.sasl.SaslDictionary} replaces Vysper's SASLStanzaDictionary in the gate's bootstrap
 * and hands its {@link org.openspime.gate.sasl.SaslDictionary#mechanisms() mechanisms} to ServerFeatures for the
 * stream features. A {@link org.openspime.gate.sasl.LoginThrottle} slows password guessing per address and per
 * account; a {@link org.openspime.gate.sasl.LoginListener} lets the gate count logins.
 */
package org.openspime.gate.sasl;
