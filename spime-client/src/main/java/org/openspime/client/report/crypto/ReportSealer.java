package org.openspime.client.report.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.report.codec.DataCodec;
import org.openspime.client.report.element.Originator;
import org.openspime.client.report.element.OriginatorSignature;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.Transport;
import org.openspime.client.report.element.TransportKey;

/**
 * The spime side: turns a {@link Report} into a {@link ReportEnvelope}, signed with the spime's key (unless built
 * {@link #unsigned}) and, for {@link #sealEncrypted}, encrypted to the ScopeNode's certified key.
 *
 * <p>One sealer per SpimeID (a bridge holds one per relayed spime, each with its own key). Thread-safe: sessions
 * live in a concurrent map per ScopeNode; a message budget is reserved atomically, and when it runs out (or the
 * key ages, or the ScopeNode's key changes) the next caller replaces the session. Nonces are 96 random bits from
 * the sealer's SecureRandom; see {@link SessionKeyPolicy} for why that is safe and {@code docs/protocol-report.md}
 * for why random rather than a counter (a counter would have to survive every restart and fork of the process
 * that holds the key, and a ScopeNode cannot detect a repeat).
 *
 * <p>Seal once and keep the envelope for retries: a retry then carries the same bytes. After a
 * {@code no-key-available} refusal call {@link #keyRefused(ReportEnvelope)} and seal the same {@link Report} again; the ScopeNode
 * recognises it by its id and the digest of its data document, which does not depend on the key.
 */
public final class ReportSealer {

    private static final int KEY_ID_BYTES = 12;

    private final Jid spimeId;
    private final Optional<SigningKey> signingKey;
    private final SessionKeyPolicy policy;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<Jid, SessionKey> sessions = new ConcurrentHashMap<>();

    public ReportSealer(Jid spimeId, Optional<SigningKey> signingKey, SessionKeyPolicy policy, Clock clock, SecureRandom random) {
        this.spimeId = Objects.requireNonNull(spimeId, "spimeId");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A sealer signing with {@code keys}, default session policy, system clock and the platform's strong random. */
    public static ReportSealer signing(Jid spimeId, KeyPair keys) {
        return new ReportSealer(spimeId, Optional.of(SigningKey.of(keys)), SessionKeyPolicy.DEFAULT, Clock.systemUTC(), RsaKeys.strongRandom());
    }

    /** A sealer for scopes that accept unsigned reports. */
    public static ReportSealer unsigned(Jid spimeId) {
        return new ReportSealer(spimeId, Optional.empty(), SessionKeyPolicy.DEFAULT, Clock.systemUTC(), RsaKeys.strongRandom());
    }

    /** Signed (if this sealer signs) and encrypted to {@code recipient}'s key. */
    public ReportEnvelope sealEncrypted(Report report, Recipient recipient) {
        requireOwn(report);
        Instant now = clock.instant();
        SessionKey session = reserveSession(recipient, now);
        TransportKey key = session.keyToSend();
        byte[] nonce = new byte[Transport.NONCE_BYTES];
        random.nextBytes(nonce);
        ReportEnvelope unsealed = new ReportEnvelope(report.id(), now, new Originator(spimeId, Optional.empty()),
                Transport.encrypted(recipient.snid(), key, nonce, new byte[Transport.TAG_BYTES]));
        byte[] aad = EnvelopeBytes.associatedData(report.id(), unsealed.time(), spimeId, recipient.snid(), key);
        byte[] ciphertext;
        try {
            ciphertext = Primitives.gcm(Cipher.ENCRYPT_MODE, session.key, nonce, aad).doFinal(DataCodec.toBytes(report));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable", e);
        }
        return sign(new ReportEnvelope(report.id(), unsealed.time(), unsealed.originator(),
                Transport.encrypted(recipient.snid(), key, nonce, ciphertext)));
    }

    /** Signed (if this sealer signs), not encrypted: only for scopes that accept plain reports. */
    public ReportEnvelope sealPlain(Report report, Jid snid) {
        requireOwn(report);
        return sign(new ReportEnvelope(report.id(), clock.instant(), new Originator(spimeId, Optional.empty()),
                Transport.plain(snid, DataCodec.toBytes(report))));
    }

    /**
     * The ScopeNode acknowledged {@code envelope}: if it carried a wrapped key, the ScopeNode now holds that key,
     * and later reports of the session carry only its reference.
     */
    public void acknowledged(ReportEnvelope envelope) {
        envelope.transport().key().filter(k -> k.wrapped().isPresent()).ifPresent(k -> {
            SessionKey session = sessions.get(envelope.transport().recipient());
            if (session != null && session.wrapped.keyId().equals(k.keyId())) {
                session.markDelivered();
            }
        });
    }

    /** The ScopeNode answered {@code no-key-available}: forget the session, the next report starts a new one. */
    public void keyRefused(Jid snid) {
        sessions.remove(snid);
    }

    /**
     * The ScopeNode answered {@code no-key-available} to {@code refused}. If it was sealed under the current session,
     * forget that session (the next report starts a new one) and answer true. A refusal of a report sealed under an
     * earlier session says nothing about the current one, which stays: after a ScopeNode restart every report
     * pending from before is refused this way, and forgetting on each would start one session per pending report,
     * each costing the recovering ScopeNode an RSA private-key operation to unwrap.
     */
    public boolean keyRefused(ReportEnvelope refused) {
        Jid snid = refused.transport().recipient();
        Optional<TransportKey> key = refused.transport().key();
        if (key.isEmpty()) {
            sessions.remove(snid);
            return true;
        }
        SessionKey current = sessions.get(snid);
        return current != null && current.wrapped.keyId().equals(key.get().keyId()) && sessions.remove(snid, current);
    }

    private ReportEnvelope sign(ReportEnvelope envelope) {
        if (signingKey.isEmpty()) {
            return envelope;
        }
        OriginatorSignature placeholder = new OriginatorSignature(signingKey.get().fingerprint(), new byte[0]);
        try {
            byte[] value = Primitives.sign(signingKey.get().privateKey(), EnvelopeBytes.signed(envelope, placeholder));
            return new ReportEnvelope(envelope.id(), envelope.time(),
                    new Originator(spimeId, Optional.of(new OriginatorSignature(placeholder.key(), value))), envelope.transport());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the key of " + spimeId + ": " + e.getMessage(), e);
        }
    }

    private SessionKey reserveSession(Recipient recipient, Instant now) {
        while (true) {
            SessionKey current = sessions.get(recipient.snid());
            if (current != null && current.wrapped.recipientKey().equals(recipient.fingerprint()) && current.reserve(policy, now)) {
                return current;
            }
            SessionKey fresh = newSession(recipient, now);
            boolean replaced = current == null
                    ? sessions.putIfAbsent(recipient.snid(), fresh) == null
                    : sessions.replace(recipient.snid(), current, fresh);
            if (replaced && fresh.reserve(policy, now)) {
                return fresh;
            }
        }
    }

    private SessionKey newSession(Recipient recipient, Instant now) {
        byte[] raw = new byte[Primitives.AES_KEY_BYTES];
        random.nextBytes(raw);
        byte[] id = new byte[KEY_ID_BYTES];
        random.nextBytes(id);
        SecretKey key = new SecretKeySpec(raw, "AES");
        try {
            byte[] wrapped = Primitives.oaep(Cipher.ENCRYPT_MODE, recipient.key(), random).doFinal(raw);
            String keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            return new SessionKey(key, new TransportKey(keyId, recipient.fingerprint(), Optional.of(wrapped)), now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a transport key to " + recipient.snid() + ": " + e.getMessage(), e);
        }
    }

    private void requireOwn(Report report) {
        if (!report.spimeId().equals(spimeId)) {
            throw new IllegalArgumentException("report " + report.id() + " is from " + report.spimeId() + ", this sealer seals for " + spimeId);
        }
    }
}
