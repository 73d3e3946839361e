/**
 * The certification protocol's elements as plain immutable Java values: a published key
 * ({@link org.openspime.certification.element.PubKey}), the gate's attestation of it, a revocation, the
 * record a key query answers with, and the 2008 OpenSpime key list.
 *
 * <p>These classes know nothing of XML; {@code org.openspime.certification.codec} turns them into
 * XML strings and back. Times are held at one-second precision because that is the precision that enters
 * signed bytes (see {@link org.openspime.certification.element.Timestamps}).
 */
package org.openspime.certification.element;
