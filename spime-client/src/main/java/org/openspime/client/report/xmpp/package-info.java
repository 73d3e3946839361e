/**
 * The report protocol on Smack: {@link org.openspime.client.report.xmpp.ReportIQ} (the IQ set carrying an
 * envelope), {@link org.openspime.client.report.xmpp.ReportAckIQ} (the acknowledgment after commit),
 * {@link org.openspime.client.report.xmpp.ReportStanzaErrors} (refusals) and their providers. The XML itself is
 * written and read by {@code report.codec}; these classes only carry it through Smack.
 */
package org.openspime.client.report.xmpp;
