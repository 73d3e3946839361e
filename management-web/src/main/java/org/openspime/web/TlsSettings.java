package org.openspime.web;

import java.security.KeyStore;

/**
 * HTTPS for the management port, from the gate's own keystore (the same PKCS#12 its XMPP listeners use).
 *
 * @param keyPassword password of the private key entry, often the store's password too
 */
public record TlsSettings(KeyStore keyStore, char[] keyStorePassword, char[] keyPassword) {
}
