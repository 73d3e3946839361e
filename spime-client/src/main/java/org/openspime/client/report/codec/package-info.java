/**
 * The report protocol's XML: the data document (the bytes a transport carries), the {@code <report/>} envelope,
 * the {@code <ack/>} result and the {@code <error/>} a ScopeNode answers with.
 *
 * <p>Writers produce one exact form — apostrophe-quoted attributes in a fixed order, no whitespace between
 * elements, no XML declaration — which the tests pin, and which matters for the data document because its bytes
 * are what is signed and encrypted. Readers are StAX over a factory with DTD support and external entities off;
 * a DTD or entity reference that still appears is refused, so no input can read files or expand without bound.
 * Every failure is a specific {@link org.openspime.client.report.MalformedReportException} subclass (or
 * {@link org.openspime.client.report.OversizedReportException} / {@link org.openspime.client.report.UnsupportedAlgorithmException})
 * whose message names the element and the attribute. Unknown child elements are skipped and unknown attributes
 * ignored, as XMPP extensibility expects; they are never part of what is signed.
 */
package org.openspime.client.report.codec;
