package org.openspime.client.talk.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.crypto.Primitives;
import org.openspime.client.report.crypto.RecipientKeys;
import org.openspime.client.talk.TalkCondition;
import org.openspime.client.talk.TalkMessage;
import org.openspime.client.talk.TalkPolicy;
import org.openspime.client.talk.element.TalkElement;

/**
 * Checks a received talk element, cheapest first and nothing private-key before the signature: readable; sent by the
 * stanza's authenticated sender; addressed to us; fresh; signed; the signature verifies with the sender's certified key
 * (the {@link KeyVerifier}); not seen before; then decrypted. Only a message that passes every check is returned.
 * Thread-safe.
 */
public final class TalkOpener {

    private final Jid self;
    private final RecipientKeys ownKeys;
    private final KeyVerifier verifier;
    private final TalkPolicy policy;
    private final Clock clock;
    private final ReplayWindow replays;

    public TalkOpener(Jid self, RecipientKeys ownKeys, KeyVerifier verifier, TalkPolicy policy, Clock clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.ownKeys = Objects.requireNonNull(ownKeys, "ownKeys");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replays = new ReplayWindow(policy.maxAge().plus(policy.maxSkew()), policy.maxRemembered());
    }

    /** @param stanzaFrom the message's {@code from} as the gate authenticated it */
    public TalkMessage open(TalkElement t, Jid stanzaFrom) throws TalkRefusedException {
        if (t.unreadableBecause().isPresent()) {
            throw new TalkRefusedException(TalkCondition.MALFORMED_TALK, t.unreadableBecause().get());
        }
        if (!t.from().equals(stanzaFrom)) {
            throw new TalkRefusedException(TalkCondition.SENDER_MISMATCH, "talk " + t.id() + " names " + t.from() + " as sender but came from " + stanzaFrom);
        }
        if (!t.to().equals(self)) {
            throw new TalkRefusedException(TalkCondition.WRONG_RECIPIENT, "talk " + t.id() + " from " + t.from() + " is for " + t.to() + ", not " + self);
        }
        Instant now = clock.instant();
        if (t.time().isBefore(now.minus(policy.maxAge())) || t.time().isAfter(now.plus(policy.maxSkew()))) {
            throw new TalkRefusedException(TalkCondition.STALE, "talk " + t.id() + " from " + t.from() + " was signed at " + t.time()
                    + ", outside " + policy.maxAge() + " before and " + policy.maxSkew() + " after " + now);
        }
        if (t.signature().isEmpty() || t.signatureKey().isEmpty()) {
            throw new TalkRefusedException(TalkCondition.SIGNATURE_REQUIRED, "talk " + t.id() + " from " + t.from() + " is not signed");
        }
        verify(t, t.signatureKey().get(), t.signature().get());
        synchronized (replays) {
            if (!replays.firstTime(t.from(), t.id(), now)) {
                throw new TalkRefusedException(TalkCondition.REPLAY, "talk " + t.id() + " from " + t.from() + " was already received");
            }
        }
        byte[] text = t.encrypted() ? decrypt(t) : t.payload();
        return new TalkMessage(t.id(), t.from(), t.to(), t.time(), utf8(t, text), t.encrypted(), t.signatureKey().get());
    }

    private void verify(TalkElement t, Fingerprint keyName, byte[] signature) throws TalkRefusedException {
        RSAPublicKey key;
        try {
            key = verifier.key(t.from(), keyName, t.time()).key();
        } catch (CertificationException e) {
            throw new TalkRefusedException(TalkCondition.SENDER_KEY_UNAVAILABLE, "no trusted key " + keyName + " of " + t.from() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new TalkRefusedException(TalkCondition.TEMPORARILY_UNAVAILABLE, "cannot fetch the keys of " + t.from() + ": " + e.getMessage(), e);
        }
        boolean valid;
        try {
            valid = Primitives.verify(key, TalkBytes.signed(t, keyName), signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new TalkRefusedException(TalkCondition.BAD_SIGNATURE, "signature of talk " + t.id() + " does not verify with key " + keyName + " of " + t.from());
        }
    }

    private byte[] decrypt(TalkElement t) throws TalkRefusedException {
        Fingerprint recipientKey = t.recipientKey().orElseThrow();
        PrivateKey key = ownKeys.find(recipientKey).orElseThrow(() -> new TalkRefusedException(TalkCondition.DECRYPTION_FAILED,
                "talk " + t.id() + " from " + t.from() + " is encrypted to key " + recipientKey + ", which is not a key of " + self));
        try {
            byte[] raw = Primitives.oaep(Cipher.DECRYPT_MODE, key, null).doFinal(t.wrappedKey().orElseThrow());
            byte[] aad = TalkBytes.associatedData(t.id(), t.time(), t.from(), t.to(), t.recipientKey());
            return Primitives.gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"), t.nonce().orElseThrow(), aad).doFinal(t.payload());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TalkRefusedException(TalkCondition.DECRYPTION_FAILED, "talk " + t.id() + " from " + t.from() + " does not decrypt", e);
        }
    }

    private static String utf8(TalkElement t, byte[] bytes) throws TalkRefusedException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TalkRefusedException(TalkCondition.MALFORMED_TALK, "talk " + t.id() + " from " + t.from() + " is not UTF-8 text", e);
        }
    }
}
