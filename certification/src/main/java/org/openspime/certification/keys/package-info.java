/**
 * An entity's own RSA keys: generating them from a strong random source, naming them by fingerprint,
 * and keeping them on the entity's disk in a passphrase-protected PKCS#12 file with room for rotation.
 *
 * <p>Private keys never leave this package's {@link org.openspime.certification.keys.LocalKeyStore};
 * everything published elsewhere is the SubjectPublicKeyInfo and its
 * {@link org.openspime.certification.keys.Fingerprint}.
 */
package org.openspime.certification.keys;
