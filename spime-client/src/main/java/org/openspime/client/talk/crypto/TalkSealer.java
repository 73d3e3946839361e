package org.openspime.client.talk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.openspime.certification.Jid;
import org.openspime.certification.element.Timestamps;
import org.openspime.client.report.crypto.Primitives;
import org.openspime.client.report.crypto.Recipient;
import org.openspime.client.report.crypto.SigningKey;
import org.openspime.client.talk.element.TalkElement;

/**
 * Seals talk messages from one entity: always signed with its key; encrypted when given the recipient's certified
 * key, with a fresh AES-256 key per message (talk is occasional, so there is no session to keep: one RSA-OAEP
 * operation per message is cheap at that rate). Thread-safe.
 */
public final class TalkSealer {

    private final Jid self;
    private final SigningKey key;
    private final Clock clock;
    private final SecureRandom random;

    public TalkSealer(Jid self, KeyPair keys, Clock clock, SecureRandom random) {
        this.self = Objects.requireNonNull(self, "self");
        this.key = SigningKey.of(Objects.requireNonNull(keys, "keys"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new message id: 16 random bytes as 32 lower-case hex digits. */
    public String newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** Signed, not encrypted. */
    public TalkElement plain(Jid to, String text) {
        TalkElement unsigned = new TalkElement(newId(), now(), self, to, Optional.empty(), Optional.empty(), TalkElement.ENC_NONE,
                Optional.empty(), Optional.empty(), Optional.empty(), text.getBytes(StandardCharsets.UTF_8));
        return sign(unsigned);
    }

    /** Signed and encrypted to {@code recipient}'s certified key. */
    public TalkElement encrypted(Recipient recipient, String text) {
        String id = newId();
        Instant time = now();
        byte[] raw = new byte[Primitives.AES_KEY_BYTES];
        random.nextBytes(raw);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        try {
            byte[] wrapped = Primitives.oaep(Cipher.ENCRYPT_MODE, recipient.key(), random).doFinal(raw);
            byte[] aad = TalkBytes.associatedData(id, time, self, recipient.snid(), Optional.of(recipient.fingerprint()));
            byte[] ciphertext = Primitives.gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, "AES"), nonce, aad)
                    .doFinal(text.getBytes(StandardCharsets.UTF_8));
            return sign(new TalkElement(id, time, self, recipient.snid(), Optional.empty(), Optional.empty(), TalkElement.ENC_GCM,
                    Optional.of(recipient.fingerprint()), Optional.of(wrapped), Optional.of(nonce), ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt talk to " + recipient.snid() + ": " + e.getMessage(), e);
        }
    }

    private TalkElement sign(TalkElement t) {
        try {
            byte[] signature = Primitives.sign(key.privateKey(), TalkBytes.signed(t, key.fingerprint()));
            return new TalkElement(t.id(), t.time(), t.from(), t.to(), Optional.of(key.fingerprint()), Optional.of(signature), t.enc(),
                    t.recipientKey(), t.wrappedKey(), t.nonce(), t.payload());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign talk with the key of " + self + ": " + e.getMessage(), e);
        }
    }

    private Instant now() {
        return Timestamps.canonical(clock.instant());
    }
}
