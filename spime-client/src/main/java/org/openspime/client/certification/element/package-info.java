/**
 * The certification protocol's stanzas as Smack sees them: IQs for publish, query, revoke and the 2008 query,
 * and the change notification carried in a message. Their XML is written and read by the
 * {@code org.openspime.certification.codec} classes; these classes only carry it into and out of Smack.
 */
package org.openspime.client.certification.element;
