package org.openspime.certification.element;

import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;
import org.openspime.certification.Jid;

/**
 * The answer to the 2008 OpenSpime query {@code <pubkeys xmlns='urn:xmpp:tmp:pubkey' jid='…'/>}: bare keys
 * without validity or attestation. Older tools used it to fetch keys; it gives no trust by itself, so the
 * gate lists only keys that are currently valid, attested and unrevoked.
 */
public record LegacyKeyList(Jid jid, List<RSAPublicKey> keys) {

    public LegacyKeyList {
        Objects.requireNonNull(jid, "jid");
        keys = List.copyOf(keys);
    }
}
