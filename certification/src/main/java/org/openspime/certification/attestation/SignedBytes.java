package org.openspime.certification.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.openspime.certification.Jid;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;

/**
 * The exact bytes a gate signs, defined so that any language can rebuild them without an XML canonicaliser.
 *
 * <p>Each is a sequence of text fields; each field is written as its UTF-8 length as a 4-byte unsigned
 * big-endian integer, followed by its UTF-8 bytes. Length prefixes make the encoding injective: no choice
 * of JID or reason can shift bytes from one field into the next. The first field is the namespace of the
 * element, so an attestation signature can never be passed off as a revocation or the reverse.
 *
 * <pre>
 * attestation = field("urn:xmpp:attest:2") field(jid) field(fingerprint) field(begin) field(end)
 *               field(signer) field(signer-fingerprint) field(signed)
 * revocation  = field("urn:xmpp:revoke:2") field(jid) field(fingerprint) field(revoked) field(reason)
 *               field(signer) field(signer-fingerprint)
 * </pre>
 *
 * JIDs are in the normal form of {@link Jid#toString()}, fingerprints in the colon-separated upper-case
 * form, times in the canonical XEP-0082 form {@code YYYY-MM-DDThh:mm:ssZ}, reasons as their token: the
 * same text that appears in the XML attributes.
 */
public final class SignedBytes {

    private SignedBytes() {
    }

    public static byte[] ofAttestation(PubKey key, Jid signer, Fingerprint signerFingerprint, Instant signedAt) {
        return fields(Namespaces.ATTEST, key.jid().toString(), key.fingerprint().toString(),
                Timestamps.format(key.begin()), Timestamps.format(key.end()),
                signer.toString(), signerFingerprint.toString(), Timestamps.format(signedAt));
    }

    public static byte[] ofRevocation(Jid jid, Fingerprint fingerprint, Instant revokedAt, RevocationReason reason,
                                      Jid signer, Fingerprint signerFingerprint) {
        return fields(Namespaces.REVOKE, jid.toString(), fingerprint.toString(), Timestamps.format(revokedAt),
                reason.token(), signer.toString(), signerFingerprint.toString());
    }

    static byte[] fields(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        for (String field : fields) {
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            int n = utf8.length;
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
            out.writeBytes(utf8);
        }
        return out.toByteArray();
    }
}
