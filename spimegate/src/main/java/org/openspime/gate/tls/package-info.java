/**
 * The gate's TLS identity: the configured PKCS#12 keystore, or a self-signed certificate generated on first start
 * and kept under the data directory, with the SHA-256 fingerprint clients pin.
 */
package org.openspime.gate.tls;
