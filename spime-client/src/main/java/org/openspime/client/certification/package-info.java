/**
 * An entity's side of certification over XMPP: {@link org.openspime.client.certification.CertificationManager}
 * (one per connection) publishes, rotates and revokes the entity's keys, fetches other entities' keys for a
 * {@link org.openspime.certification.client.KeyVerifier}, subscribes to their changes and drops the verifier's
 * cache when one arrives. The stanzas are in {@code element}, their Smack parsers in {@code provider}; the XML
 * itself is the {@code certification} module's codecs'.
 */
package org.openspime.client.certification;
