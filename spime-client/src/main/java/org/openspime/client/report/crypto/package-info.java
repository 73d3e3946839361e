/**
 * Sealing and opening reports with JCA: {@link org.openspime.client.report.crypto.ReportSealer} on the spime
 * (sign with its RSA key, encrypt to the ScopeNode's certified key, manage session transport keys) and
 * {@link org.openspime.client.report.crypto.ReportOpener} on the ScopeNode (verify, find or unwrap the transport
 * key, decrypt, read). The exact bytes signed and authenticated are built in one place,
 * {@link org.openspime.client.report.crypto.EnvelopeBytes}; {@code docs/protocol-report.md} states them for
 * implementers in other languages.
 *
 * <p>Algorithms: RSASSA-PKCS1-v1_5 SHA-256 ({@code SHA256withRSA}); RSAES-OAEP with SHA-256, MGF1-SHA-256 and the
 * empty label ({@code RSA/ECB/OAEPWithSHA-256AndMGF1Padding} always with an explicit {@code OAEPParameterSpec},
 * because without one the JDK uses MGF1 with SHA-1); AES-256-GCM with a 96-bit nonce and 128-bit tag.
 */
package org.openspime.client.report.crypto;
