package org.openspime.client.report.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** The JCA names and parameters, in one place; a new Cipher or Signature per call (they are not thread-safe). */
public final class Primitives {

    public static final String SIGNATURE = "SHA256withRSA";
    public static final String OAEP = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    /** Always passed explicitly: without it the JDK pairs SHA-256 with MGF1-SHA-1, which other stacks do not assume. */
    public static final OAEPParameterSpec OAEP_SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    public static final String GCM = "AES/GCM/NoPadding";
    public static final int TAG_BITS = 128;
    public static final int AES_KEY_BYTES = 32;

    private Primitives() {
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        java.security.Signature s = java.security.Signature.getInstance(SIGNATURE);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
        java.security.Signature s = java.security.Signature.getInstance(SIGNATURE);
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
    }

    public static Cipher oaep(int mode, java.security.Key key, SecureRandom random) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(OAEP);
        c.init(mode, key, OAEP_SHA256, random);
        return c;
    }

    public static Cipher gcm(int mode, javax.crypto.SecretKey key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(GCM);
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(aad);
        return c;
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
