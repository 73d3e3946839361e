/**
 * OpenSpime certification: the binding between an entity's JID and its RSA public key.
 *
 * <p>This package holds what every other package shares: the one exception base class
 * {@link org.openspime.certification.CertificationException} and the XMPP stanza error each refusal
 * maps to, so that a gate can answer any refusal without knowing its concrete type.
 * The module deliberately knows nothing of Smack or Vysper: elements travel as XML strings or
 * StAX readers, so both the gate and the clients adapt to it.
 */
package org.openspime.certification;
