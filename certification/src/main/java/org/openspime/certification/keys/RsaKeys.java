package org.openspime.certification.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.openspime.certification.KeyTooShortException;
import org.openspime.certification.MalformedKeyException;

/**
 * RSA key pairs for OpenSpime entities: generation, the minimum size rule, and decoding a published
 * SubjectPublicKeyInfo back into a key.
 *
 * <p>Random source: on Linux we ask for {@code NativePRNGNonBlocking}, which reads the kernel CSPRNG
 * through {@code /dev/urandom}. {@link SecureRandom#getInstanceStrong()} maps to {@code /dev/random}
 * there, which on kernels before 5.6 blocks whenever the entropy estimate runs low — a headless device
 * or a gate VM generating keys at boot could hang for minutes, and the blocking buys no strength once
 * the kernel pool is seeded. Where that algorithm does not exist (Windows, some embedded JVMs) we fall
 * back to the platform's {@code getInstanceStrong()}, which there does not block.
 */
public final class RsaKeys {

    /** The size generated when the caller does not choose: 3072 bits, about 128-bit security. */
    public static final int DEFAULT_BITS = 3072;
    /** The smallest key OpenSpime accepts anywhere. */
    public static final int MINIMUM_BITS = 2048;

    private RsaKeys() {
    }

    /** A new {@value #DEFAULT_BITS}-bit key pair. */
    public static KeyPair generate() {
        try {
            return generate(DEFAULT_BITS);
        } catch (KeyTooShortException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new key pair of the given size, with public exponent 65537. */
    public static KeyPair generate(int bits) throws KeyTooShortException {
        if (bits < MINIMUM_BITS) {
            throw new KeyTooShortException(bits, MINIMUM_BITS);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), strongRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable on this platform", e);
        }
    }

    /** The random source described in the class comment. */
    public static SecureRandom strongRandom() {
        try {
            return SecureRandom.getInstance("NativePRNGNonBlocking");
        } catch (NoSuchAlgorithmException notLinux) {
            try {
                return SecureRandom.getInstanceStrong();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no strong SecureRandom on this platform", e);
            }
        }
    }

    /** The modulus size of an RSA key, in bits. */
    public static int bits(RSAKey key) {
        return key.getModulus().bitLength();
    }

    /**
     * Returns the key as RSA after checking its size.
     *
     * @throws MalformedKeyException if it is not an RSA key
     * @throws KeyTooShortException if its modulus is under {@value #MINIMUM_BITS} bits
     */
    public static RSAPublicKey requireAcceptable(PublicKey key) throws MalformedKeyException, KeyTooShortException {
        if (!(key instanceof RSAPublicKey)) {
            throw new MalformedKeyException("key is " + key.getAlgorithm() + ", not RSA");
        }
        RSAPublicKey rsa = (RSAPublicKey) key;
        if (bits(rsa) < MINIMUM_BITS) {
            throw new KeyTooShortException(bits(rsa), MINIMUM_BITS);
        }
        return rsa;
    }

    /**
     * Decodes SubjectPublicKeyInfo DER bytes into an RSA public key. Size is not checked here, so that a
     * short key can be reported as {@link KeyTooShortException} rather than as malformed.
     *
     * @throws MalformedKeyException if the bytes are not an RSA SubjectPublicKeyInfo
     */
    public static RSAPublicKey decode(byte[] subjectPublicKeyInfo) throws MalformedKeyException {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(subjectPublicKeyInfo));
        } catch (IOException | RuntimeException e) {
            throw new MalformedKeyException("key is not a DER SubjectPublicKeyInfo (truncated or corrupt)", e);
        }
        if (info == null) {
            throw new MalformedKeyException("key is empty");
        }
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            throw new MalformedKeyException("key algorithm " + algorithm.getId() + " is not RSA (1.2.840.113549.1.1.1)");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new MalformedKeyException("RSA key cannot be decoded: " + e.getMessage(), e);
        }
    }
}
