package org.openspime.certification.service;

import java.util.Objects;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.keys.Fingerprint;

/**
 * A key of one JID was published (new or renewed) or revoked. {@code current} is what a query would now
 * answer, ready to push to subscribers as {@code <message><pubkeys xmlns='urn:xmpp:pubkey:2'>…}.
 */
public record KeyChange(Kind kind, Fingerprint fingerprint, KeyList current) {

    public enum Kind { PUBLISHED, REVOKED }

    public KeyChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(current, "current");
    }
}
