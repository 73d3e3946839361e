package org.openspime.client.talk.crypto;

import java.util.Optional;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.crypto.Fields;
import org.openspime.client.talk.element.TalkElement;

/** The signed bytes and the GCM associated data of a talk message ({@code docs/protocol-talk.md}, section 3). */
final class TalkBytes {

    private TalkBytes() {
    }

    /** Eleven fields: namespace, id, time, from, to, signing key, enc, recipient-key, wrapped key, nonce, payload. */
    static byte[] signed(TalkElement t, Fingerprint signingKey) {
        return new Fields(256 + t.payload().length)
                .text(TalkElement.NAMESPACE)
                .text(t.id())
                .text(Timestamps.format(t.time()))
                .text(t.from().toString())
                .text(t.to().toString())
                .text(signingKey.toString())
                .text(t.enc())
                .text(t.recipientKey().map(Fingerprint::toString).orElse(""))
                .bytes(t.wrappedKey().orElse(new byte[0]))
                .bytes(t.nonce().orElse(new byte[0]))
                .bytes(t.payload())
                .toByteArray();
    }

    /** Six fields: namespace, id, time, from, to, recipient-key. */
    static byte[] associatedData(String id, java.time.Instant time, org.openspime.certification.Jid from,
                                 org.openspime.certification.Jid to, Optional<Fingerprint> recipientKey) {
        return new Fields(256)
                .text(TalkElement.NAMESPACE)
                .text(id)
                .text(Timestamps.format(time))
                .text(from.toString())
                .text(to.toString())
                .text(recipientKey.map(Fingerprint::toString).orElse(""))
                .toByteArray();
    }
}
