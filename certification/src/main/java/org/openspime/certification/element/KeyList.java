package org.openspime.certification.element;

import java.util.List;
import java.util.Objects;
import org.openspime.certification.Jid;

/**
 * The keys of one JID: the answer to a key query and the content of a change notification. Every record
 * must belong to {@code jid}; a notification with no records means the JID has no usable key left.
 */
public record KeyList(Jid jid, List<KeyRecord> keys) {

    public KeyList {
        Objects.requireNonNull(jid, "jid");
        keys = List.copyOf(keys);
        for (KeyRecord key : keys) {
            if (!key.pubKey().jid().equals(jid)) {
                throw new IllegalArgumentException("key of " + key.pubKey().jid() + " in the key list of " + jid);
            }
        }
    }
}
