package org.openspime.certification;

/**
 * The RFC 6120 stanza error (type and defined condition) that a refusal maps to.
 *
 * <p>Only the conditions this module actually produces are listed; the gate writes
 * {@code <error type='…'><condition xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>} from them.
 */
public enum StanzaError {
    BAD_REQUEST("modify", "bad-request"),
    FORBIDDEN("auth", "forbidden"),
    NOT_ACCEPTABLE("modify", "not-acceptable"),
    ITEM_NOT_FOUND("cancel", "item-not-found"),
    CONFLICT("cancel", "conflict"),
    RESOURCE_CONSTRAINT("wait", "resource-constraint"),
    NOT_AUTHORIZED("auth", "not-authorized");

    private final String type;
    private final String condition;

    StanzaError(String type, String condition) {
        this.type = type;
        this.condition = condition;
    }

    /** The {@code type} attribute of the {@code <error/>} element: cancel, modify, auth or wait. */
    public String type() {
        return type;
    }

    /** The local name of the defined-condition element, e.g. {@code not-acceptable}. */
    public String condition() {
        return condition;
    }
}
