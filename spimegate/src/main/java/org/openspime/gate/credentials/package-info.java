/**
 * Password verifiers the gate keeps instead of passwords: SCRAM (RFC 5802) salted keys for SHA-1 and SHA-256,
 * enough both to run the SCRAM-SHA-* SASL exchanges and to check a PLAIN password, and a generator of strong
 * random passwords for identities created without one.
 */
package org.openspime.gate.credentials;
