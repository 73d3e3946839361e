package org.openspime.certification.keys;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.openspime.certification.CertificationException;

/**
 * Reads the RSA public keys of a PEM file ({@code -----BEGIN PUBLIC KEY-----} blocks, as
 * {@code openspime admin certification-key} prints a gate's certification key); other blocks are skipped.
 */
public final class PublicKeyFiles {
    private PublicKeyFiles() {
    }

    /** Every acceptable RSA public key in {@code file}, in order; fails if there is none or one is unusable. */
    public static List<RSAPublicKey> read(Path file) throws IOException {
        List<RSAPublicKey> keys = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file); PemReader pem = new PemReader(in)) {
            for (PemObject block = pem.readPemObject(); block != null; block = pem.readPemObject()) {
                if ("PUBLIC KEY".equals(block.getType())) {
                    keys.add(RsaKeys.decode(block.getContent()));
                }
            }
        } catch (CertificationException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new IOException(file + " holds no '-----BEGIN PUBLIC KEY-----' block");
        }
        return keys;
    }
}
