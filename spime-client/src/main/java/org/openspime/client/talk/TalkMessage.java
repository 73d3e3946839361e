package org.openspime.client.talk;

import java.time.Instant;
import java.util.Objects;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;

/**
 * A verified talk message: its signature checked against the sender's certified key {@code signerKey}, decrypted if
 * it was {@code encrypted}, fresh and seen once.
 */
public record TalkMessage(String id, Jid from, Jid to, Instant time, String text, boolean encrypted, Fingerprint signerKey) {

    public TalkMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(signerKey, "signerKey");
    }
}
