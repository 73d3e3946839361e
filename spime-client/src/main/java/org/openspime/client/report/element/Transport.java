package org.openspime.client.report.element;

import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.Jid;

/**
 * The payload on its way to the recipient ScopeNode (its SNID): the data document's bytes as they are, or their
 * AES-256-GCM ciphertext with the key reference and the 12-byte nonce.
 */
public record Transport(Encryption encryption, Jid recipient, Optional<TransportKey> key, Optional<byte[]> nonce, byte[] payload) {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    public Transport {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(payload, "payload");
        if (encryption == Encryption.NONE && (key.isPresent() || nonce.isPresent())) {
            throw new IllegalArgumentException("a plain transport has no key and no nonce");
        }
        if (encryption == Encryption.AES_256_GCM) {
            if (key.isEmpty() || nonce.isEmpty()) {
                throw new IllegalArgumentException("an aes-256-gcm transport needs a key reference and a nonce");
            }
            if (nonce.get().length != NONCE_BYTES) {
                throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes, not " + nonce.get().length);
            }
            if (payload.length < TAG_BYTES) {
                throw new IllegalArgumentException("ciphertext shorter than the " + TAG_BYTES + "-byte tag");
            }
        }
    }

    public static Transport plain(Jid recipient, byte[] data) {
        return new Transport(Encryption.NONE, recipient, Optional.empty(), Optional.empty(), data);
    }

    public static Transport encrypted(Jid recipient, TransportKey key, byte[] nonce, byte[] ciphertext) {
        return new Transport(Encryption.AES_256_GCM, recipient, Optional.of(key), Optional.of(nonce), ciphertext);
    }
}
