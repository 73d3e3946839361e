/**
 * The values of the report protocol, immutable and checked on construction: what a spime reports
 * ({@link org.openspime.client.report.element.Report}, {@link org.openspime.client.report.element.Reading},
 * {@link org.openspime.client.report.element.Value}, {@link org.openspime.client.report.element.Location}),
 * the envelope that carries it ({@link org.openspime.client.report.element.ReportEnvelope} with its
 * {@link org.openspime.client.report.element.Originator} and {@link org.openspime.client.report.element.Transport}),
 * and the ScopeNode's {@link org.openspime.client.report.element.ReportAck}.
 *
 * <p>Byte arrays inside envelope values (signature, wrapped key, nonce, payload) are not copied, to keep large
 * payloads cheap; treat them as immutable once handed over.
 */
package org.openspime.client.report.element;
