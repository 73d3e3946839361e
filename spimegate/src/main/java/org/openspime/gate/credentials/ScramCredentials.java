package org.openspime.gate.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A SCRAM verifier (RFC 5802 section 3): salt, iteration count, StoredKey and ServerKey. This is all the gate
 * keeps of a password. StoredKey lets the server check a client proof, ServerKey lets it prove itself to the
 * client; neither reveals the password, and a stolen StoredKey is not enough to log in.
 *
 * <p>Passwords are normalised with Unicode NFKC before hashing, the part of SASLprep (RFC 4013) that changes
 * ordinary passwords, so that the same password typed on two keyboards derives the same keys.
 */
public final class ScramCredentials {
    /** RFC 7677 asks for at least 4096; that is what clients are used to. */
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

    private final ScramAlgorithm algorithm;
    private final byte[] salt;
    private final int iterations;
    private final byte[] storedKey;
    private final byte[] serverKey;

    public ScramCredentials(ScramAlgorithm algorithm, byte[] salt, int iterations, byte[] storedKey,
                            byte[] serverKey) {
        if (iterations < DEFAULT_ITERATIONS) {
            throw new IllegalArgumentException("iteration count " + iterations + " is below " + DEFAULT_ITERATIONS);
        }
        if (storedKey.length != algorithm.length() || serverKey.length != algorithm.length()) {
            throw new IllegalArgumentException("key length does not match " + algorithm.mechanism());
        }
        this.algorithm = algorithm;
        this.salt = salt.clone();
        this.iterations = iterations;
        this.storedKey = storedKey.clone();
        this.serverKey = serverKey.clone();
    }

    /** Derives a verifier with a fresh random salt and the default iteration count. */
    public static ScramCredentials derive(ScramAlgorithm algorithm, String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(algorithm, password, salt, DEFAULT_ITERATIONS);
    }

    public static ScramCredentials derive(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(algorithm, password, salt, iterations);
        byte[] storedKey = algorithm.hash(algorithm.hmac(salted, CLIENT_KEY));
        byte[] serverKey = algorithm.hmac(salted, SERVER_KEY);
        Arrays.fill(salted, (byte) 0);
        return new ScramCredentials(algorithm, salt, iterations, storedKey, serverKey);
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i), which is PBKDF2 with the mechanism's HMAC. */
    static byte[] saltedPassword(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        char[] normalized = Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(normalized, salt, iterations, algorithm.length() * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm.pbkdf2()).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.pbkdf2() + " is missing from this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(normalized, '\0');
        }
    }

    /** True when {@code password} derives this StoredKey; the comparison takes the same time whatever differs. */
    public boolean verify(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        ScramCredentials candidate = derive(algorithm, password, salt, iterations);
        return MessageDigest.isEqual(candidate.storedKey, storedKey)
                & MessageDigest.isEqual(candidate.serverKey, serverKey);
    }

    /**
     * Checks a SCRAM client proof: ClientKey := ClientProof XOR HMAC(StoredKey, AuthMessage), then
     * H(ClientKey) must equal StoredKey. Constant time in the content of the proof.
     */
    public boolean verifyProof(byte[] authMessage, byte[] clientProof) {
        if (clientProof == null || clientProof.length != storedKey.length) {
            return false;
        }
        byte[] clientSignature = algorithm.hmac(storedKey, authMessage);
        byte[] clientKey = new byte[clientProof.length];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (clientProof[i] ^ clientSignature[i]);
        }
        return MessageDigest.isEqual(algorithm.hash(clientKey), storedKey);
    }

    /** ServerSignature := HMAC(ServerKey, AuthMessage), sent back as {@code v=} so the client knows the server. */
    public byte[] serverSignature(byte[] authMessage) {
        return algorithm.hmac(serverKey, authMessage);
    }

    public ScramAlgorithm algorithm() {
        return algorithm;
    }

    public byte[] salt() {
        return salt.clone();
    }

    public int iterations() {
        return iterations;
    }

    public byte[] storedKey() {
        return storedKey.clone();
    }

    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public String toString() {
        return "ScramCredentials[" + algorithm.mechanism() + ", i=" + iterations + "]";
    }
}
