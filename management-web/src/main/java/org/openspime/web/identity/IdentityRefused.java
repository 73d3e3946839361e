package org.openspime.web.identity;

/**
 * Thrown when an identity action cannot be done. The reason is machine-readable for the JSON API; the
 * message is written for the operator and names the JID.
 */
public final class IdentityRefused extends RuntimeException {

    /** Why an action was refused; the API maps each to an HTTP status. */
    public enum Reason { MALFORMED_JID, WRONG_KIND, DUPLICATE, NOT_FOUND, INVALID }

    private final Reason reason;

    public IdentityRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
