package org.openspime.client.report;

import java.util.Optional;

/**
 * Why a ScopeNode refused a report: an application condition in {@code urn:openspime:report:1} together with
 * the RFC 6120 stanza error (type and defined condition) that carries it.
 *
 * <p>The stanza error type tells the spime what to do: {@code modify} means that resending the same report
 * unchanged will fail again (reseal, split, fix the data), {@code auth} that its identity or key is at fault,
 * {@code wait} that the same report may be retried later, {@code cancel} that it should be given up.
 */
public enum ReportCondition {
    /** The envelope or the data document cannot be read (XML, attribute, base64, nonce length...). */
    MALFORMED_ENVELOPE("malformed-envelope", "modify", "bad-request"),
    /** An enc, wrap or signature algorithm this ScopeNode does not implement. */
    UNSUPPORTED_ALGORITHM("unsupported-algorithm", "modify", "feature-not-implemented"),
    /** More readings, values or bytes than the ScopeNode accepts in one report: split the batch. */
    OVERSIZED_BATCH("oversized-batch", "modify", "policy-violation"),
    /** The SpimeID is not on the scope's authorization list, or the originator is not the stanza's sender. */
    NOT_AUTHORIZED("not-authorized", "auth", "forbidden"),
    /** The scope requires signed reports and this one is not. */
    SIGNATURE_REQUIRED("signature-required", "auth", "not-authorized"),
    /** The signature does not verify against the sender's certified key. */
    BAD_SIGNATURE("bad-signature", "auth", "not-authorized"),
    /** No trusted, valid certified key of the sender with the named fingerprint (unpublished, revoked, expired). */
    SENDER_KEY_UNAVAILABLE("sender-key-unavailable", "auth", "not-authorized"),
    /**
     * The ScopeNode has no transport key for this report: the key-id is unknown (or forgotten after a restart),
     * the key was wrapped to a key of the ScopeNode it does not hold, or it cannot be unwrapped. Reseal with a new
     * wrapped key to the ScopeNode's current certified key.
     */
    NO_KEY_AVAILABLE("no-key-available", "modify", "item-not-found"),
    /** The scope requires encrypted reports and this one is plain. */
    ENCRYPTION_REQUIRED("encryption-required", "modify", "not-acceptable"),
    /** The ciphertext does not authenticate under its key, nonce and associated data. */
    DECRYPTION_FAILED("decryption-failed", "modify", "not-acceptable"),
    /** The report is addressed to another ScopeNode. */
    WRONG_RECIPIENT("wrong-recipient", "cancel", "not-acceptable"),
    /** The report names another scope than this ScopeNode's. */
    WRONG_SCOPE("wrong-scope", "cancel", "not-acceptable"),
    /** The spec's condition: the readings do not fit the scope's data format (fields, types, units, ranges). */
    INCONSISTENT_DATA_WITH_SCOPE("inconsistent-data-with-scope", "modify", "not-acceptable"),
    /** A report with this id was already stored for this sender with different content. */
    REPLAY("replay", "cancel", "conflict"),
    /** The ScopeNode cannot decide or store now (database, certification service): retry the same report later. */
    TEMPORARILY_UNAVAILABLE("temporarily-unavailable", "wait", "internal-server-error");

    private final String element;
    private final String errorType;
    private final String stanzaCondition;

    ReportCondition(String element, String errorType, String stanzaCondition) {
        this.element = element;
        this.errorType = errorType;
        this.stanzaCondition = stanzaCondition;
    }

    /** The local name of the application condition element in {@code urn:openspime:report:1}. */
    public String element() {
        return element;
    }

    /** The {@code type} attribute of the stanza {@code <error/>}: modify, auth, wait or cancel. */
    public String errorType() {
        return errorType;
    }

    /** The RFC 6120 defined condition, in {@code urn:ietf:params:xml:ns:xmpp-stanzas}. */
    public String stanzaCondition() {
        return stanzaCondition;
    }

    /** Whether resending the very same envelope later may succeed. */
    public boolean retryUnchanged() {
        return "wait".equals(errorType);
    }

    public static Optional<ReportCondition> fromElement(String localName) {
        for (ReportCondition c : values()) {
            if (c.element.equals(localName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
