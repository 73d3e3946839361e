package org.openspime.client.report.crypto;

import java.time.Instant;
import org.openspime.certification.Jid;
import org.openspime.certification.element.Timestamps;
import org.openspime.client.report.element.OriginatorSignature;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.ReportNamespace;
import org.openspime.client.report.element.Transport;
import org.openspime.client.report.element.TransportKey;

/**
 * The two byte strings the envelope's cryptography covers. Both are {@link Fields} over the attribute texts as
 * written and the raw binary values, so no XML canonicalization is ever needed.
 *
 * <p><b>Signed bytes</b> (encrypt-then-sign: the signature covers what travels, the ciphertext):
 * <pre>
 * "urn:openspime:report:1" id time originator-jid originator-key enc recipient
 * key-id recipient-key wrap wrapped-key nonce payload
 * </pre>
 * with empty fields for what a plain transport or a key reference lacks. The ScopeNode checks the signature, a
 * 40 µs public-key operation, before it unwraps a transport key (1 ms private-key operation), decrypts or parses
 * anything the sender chose, and a signature can be stored and re-checked without the transport key.
 *
 * <p><b>Associated data</b> of AES-GCM: {@code "urn:openspime:report:1" id time sender recipient key-id
 * recipient-key}. It binds a ciphertext to its report id, time, sender and recipient, so that nobody — not even
 * someone who strips the signature and signs the ciphertext as his own — can move it to another report or claim
 * to be its author: GCM refuses it under any other sender or id.
 */
public final class EnvelopeBytes {

    private EnvelopeBytes() {
    }

    /** What the originator signs, for an envelope whose signature is about to be made or checked. */
    public static byte[] signed(ReportEnvelope envelope, OriginatorSignature signer) {
        Transport t = envelope.transport();
        TransportKey key = t.key().orElse(null);
        Fields f = new Fields(t.payload().length + 512)
                .text(ReportNamespace.NS)
                .text(envelope.id().value())
                .text(Timestamps.format(envelope.time()))
                .text(envelope.originator().jid().toString())
                .text(signer.key().toString())
                .text(t.encryption().wireName())
                .text(t.recipient().toString())
                .text(key == null ? "" : key.keyId())
                .text(key == null ? "" : key.recipientKey().toString())
                .text(key == null || key.wrapped().isEmpty() ? "" : ReportNamespace.WRAP_ALGORITHM)
                .bytes(key == null || key.wrapped().isEmpty() ? new byte[0] : key.wrapped().get())
                .bytes(t.nonce().orElse(new byte[0]))
                .bytes(t.payload());
        return f.toByteArray();
    }

    /** The AES-GCM associated data of an encrypted transport. */
    public static byte[] associatedData(ReportId id, Instant time, Jid sender, Jid recipient, TransportKey key) {
        return new Fields(256)
                .text(ReportNamespace.NS)
                .text(id.value())
                .text(Timestamps.format(time))
                .text(sender.toString())
                .text(recipient.toString())
                .text(key.keyId())
                .text(key.recipientKey().toString())
                .toByteArray();
    }
}
