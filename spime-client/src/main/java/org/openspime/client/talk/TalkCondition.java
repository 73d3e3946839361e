package org.openspime.client.talk;

import java.util.Optional;

/**
 * Why a talk message was not delivered to the recipient's listeners: an application condition in
 * {@code urn:openspime:talk:1} carried by an RFC 6120 stanza error of the given type and defined condition, sent
 * back to the sender in a {@code <message type='error'/>} ({@code docs/protocol-talk.md}, section 5).
 */
public enum TalkCondition {
    /** The talk element cannot be read (attributes, base64, non-canonical signed text). */
    MALFORMED_TALK("malformed-talk", "modify", "bad-request"),
    /** No signature: every talk message is signed. */
    SIGNATURE_REQUIRED("signature-required", "auth", "not-authorized"),
    /** The talk names another sender than the stanza's authenticated {@code from}. */
    SENDER_MISMATCH("sender-mismatch", "auth", "forbidden"),
    /** No trusted certified key of the sender with the named fingerprint. */
    SENDER_KEY_UNAVAILABLE("sender-key-unavailable", "auth", "not-authorized"),
    /** The signature does not verify (forged or altered in transit). */
    BAD_SIGNATURE("bad-signature", "auth", "not-authorized"),
    /** Addressed to another entity than the one that received it. */
    WRONG_RECIPIENT("wrong-recipient", "cancel", "not-acceptable"),
    /** Signed too long ago, or too far in the future, for the recipient's window. */
    STALE("stale", "modify", "not-acceptable"),
    /** A message with this id from this sender was already delivered within the window. */
    REPLAY("replay", "cancel", "conflict"),
    /** Wrapped to a key the recipient does not hold, or the ciphertext does not authenticate. */
    DECRYPTION_FAILED("decryption-failed", "modify", "not-acceptable"),
    /** The recipient could not check now (certification service unreachable): send it again later. */
    TEMPORARILY_UNAVAILABLE("temporarily-unavailable", "wait", "internal-server-error");

    private final String element;
    private final String errorType;
    private final String stanzaCondition;

    TalkCondition(String element, String errorType, String stanzaCondition) {
        this.element = element;
        this.errorType = errorType;
        this.stanzaCondition = stanzaCondition;
    }

    public String element() {
        return element;
    }

    public String errorType() {
        return errorType;
    }

    public String stanzaCondition() {
        return stanzaCondition;
    }

    public static Optional<TalkCondition> fromElement(String localName) {
        for (TalkCondition c : values()) {
            if (c.element.equals(localName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
