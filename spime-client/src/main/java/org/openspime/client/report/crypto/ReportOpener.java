package org.openspime.client.report.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.openspime.certification.Jid;
import org.openspime.client.report.BadSignatureException;
import org.openspime.client.report.EncryptionRequiredException;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.SenderMismatchException;
import org.openspime.client.report.SignatureRequiredException;
import org.openspime.client.report.TamperedCiphertextException;
import org.openspime.client.report.UnknownTransportKeyException;
import org.openspime.client.report.WrongRecipientException;
import org.openspime.client.report.WrongScopeException;
import org.openspime.client.report.codec.DataCodec;
import org.openspime.client.report.element.Encryption;
import org.openspime.client.report.element.OriginatorSignature;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.Transport;
import org.openspime.client.report.element.TransportKey;

/**
 * The ScopeNode side: checks an envelope and recovers its report, refusing with the specific exception of the
 * first check that fails, cheapest first and nothing costly before the signature:
 * <ol>
 *   <li>the originator is the stanza's authenticated sender ({@link SenderMismatchException});</li>
 *   <li>the transport is addressed to this ScopeNode ({@link WrongRecipientException});</li>
 *   <li>the signature verifies with the sender's certified key ({@link SignatureRequiredException},
 *       {@link BadSignatureException}, or the {@link SenderKeys}' refusal) — before any private-key operation;</li>
 *   <li>plain only if the scope allows it ({@link EncryptionRequiredException}); the transport key is cached or
 *       unwraps with one of our keys ({@link UnknownTransportKeyException}); GCM authenticates the ciphertext
 *       with the associated data ({@link TamperedCiphertextException});</li>
 *   <li>the data document reads within the limits and names our scope ({@link WrongScopeException}).</li>
 * </ol>
 * Authorization of the SpimeID, the format check and replay detection (same id, other digest) are the ScopeNode's
 * and its store's; {@link OpenedReport} gives them the id and digest. Thread-safe.
 */
public final class ReportOpener {

    private final Jid snid;
    private final ScopeRequirements requirements;
    private final RecipientKeys recipientKeys;
    private final SenderKeys senderKeys;
    private final TransportKeyCache cache;
    private final Clock clock;

    public ReportOpener(Jid snid, ScopeRequirements requirements, RecipientKeys recipientKeys, SenderKeys senderKeys,
                        TransportKeyCache cache, Clock clock) {
        this.snid = Objects.requireNonNull(snid, "snid");
        this.requirements = Objects.requireNonNull(requirements, "requirements");
        this.recipientKeys = Objects.requireNonNull(recipientKeys, "recipientKeys");
        this.senderKeys = Objects.requireNonNull(senderKeys, "senderKeys");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param authenticatedSender the stanza's {@code from} as the gate established it; null only where there is no
     *                            stanza (tools that re-open stored envelopes)
     */
    public OpenedReport open(ReportEnvelope envelope, Jid authenticatedSender) throws ReportRefusedException {
        Jid sender = envelope.originator().jid();
        if (authenticatedSender != null && !authenticatedSender.equals(sender)) {
            throw new SenderMismatchException("report " + envelope.id() + " names " + sender + " as originator but was sent by " + authenticatedSender);
        }
        Transport transport = envelope.transport();
        if (!transport.recipient().equals(snid)) {
            throw new WrongRecipientException("report " + envelope.id() + " from " + sender + " is addressed to " + transport.recipient() + ", not " + snid);
        }
        Optional<OriginatorSignature> signature = envelope.originator().signature();
        if (signature.isPresent()) {
            verify(envelope, signature.get());
        } else if (requirements.signed()) {
            throw new SignatureRequiredException("scope '" + requirements.scope() + "' requires signed reports; " + envelope.id() + " from " + sender + " is not");
        }
        byte[] data;
        if (transport.encryption() == Encryption.NONE) {
            if (requirements.encrypted()) {
                throw new EncryptionRequiredException("scope '" + requirements.scope() + "' requires encrypted reports; " + envelope.id() + " from " + sender + " is plain");
            }
            data = transport.payload();
        } else {
            data = decrypt(envelope, transportKey(envelope));
        }
        Report report = DataCodec.parse(data, envelope.id(), sender, requirements.limits());
        if (!report.scope().equals(requirements.scope())) {
            throw new WrongScopeException("report " + envelope.id() + " from " + sender + " is for scope '" + report.scope()
                    + "', this ScopeNode collects '" + requirements.scope() + "'");
        }
        return new OpenedReport(report, envelope, Primitives.sha256(data), signature.map(OriginatorSignature::key));
    }

    private void verify(ReportEnvelope envelope, OriginatorSignature signature) throws ReportRefusedException {
        Jid sender = envelope.originator().jid();
        RSAPublicKey key = senderKeys.key(sender, signature.key(), envelope.time());
        int modulusBytes = (key.getModulus().bitLength() + 7) / 8;
        boolean valid;
        try {
            valid = signature.value().length == modulusBytes
                    && Primitives.verify(key, EnvelopeBytes.signed(envelope, signature), signature.value());
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new BadSignatureException("signature of report " + envelope.id() + " does not verify with key " + signature.key() + " of " + sender);
        }
    }

    private SecretKey transportKey(ReportEnvelope envelope) throws UnknownTransportKeyException {
        Jid sender = envelope.originator().jid();
        TransportKey ref = envelope.transport().key().orElseThrow();
        byte[] wrapped = ref.wrapped().orElse(null);
        byte[] wrappedDigest = wrapped == null ? null : Primitives.sha256(wrapped);
        var now = clock.instant();
        Optional<SecretKey> cached = cache.find(sender, ref.keyId(), ref.recipientKey(), wrappedDigest, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        if (wrapped == null) {
            throw new UnknownTransportKeyException("no transport key '" + ref.keyId() + "' of " + sender + " for key " + ref.recipientKey()
                    + " is known here (expired, forgotten after a restart, or never received): resend with the wrapped key");
        }
        PrivateKey privateKey = recipientKeys.find(ref.recipientKey()).orElseThrow(() -> new UnknownTransportKeyException(
                "transport key '" + ref.keyId() + "' of " + sender + " is wrapped to " + ref.recipientKey() + ", which is not a key of " + snid));
        byte[] raw;
        try {
            raw = Primitives.oaep(Cipher.DECRYPT_MODE, privateKey, null).doFinal(wrapped);
        } catch (GeneralSecurityException e) {
            throw new UnknownTransportKeyException("transport key '" + ref.keyId() + "' of " + sender + " does not unwrap with key " + ref.recipientKey(), e);
        }
        if (raw.length != Primitives.AES_KEY_BYTES) {
            throw new UnknownTransportKeyException("transport key '" + ref.keyId() + "' of " + sender + " is " + raw.length + " bytes, not 32");
        }
        SecretKey key = new SecretKeySpec(raw, "AES");
        cache.put(sender, ref.keyId(), ref.recipientKey(), wrappedDigest, key, now);
        return key;
    }

    private static byte[] decrypt(ReportEnvelope envelope, SecretKey key) throws TamperedCiphertextException {
        Transport t = envelope.transport();
        byte[] aad = EnvelopeBytes.associatedData(envelope.id(), envelope.time(), envelope.originator().jid(), t.recipient(), t.key().orElseThrow());
        try {
            return Primitives.gcm(Cipher.DECRYPT_MODE, key, t.nonce().orElseThrow(), aad).doFinal(t.payload());
        } catch (AEADBadTagException e) {
            throw new TamperedCiphertextException("report " + envelope.id() + " from " + envelope.originator().jid()
                    + ": ciphertext, nonce or bound fields (id, time, sender, recipient, key) were altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable", e);
        }
    }
}
