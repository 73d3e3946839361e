package org.openspime.gate.identity;

/**
 * A request the registry refuses for a reason the caller can fix (malformed JID, wrong domain, duplicate,
 * unknown identity). The message is meant to be shown as is, on one line.
 */
public class IdentityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdentityException(String message) {
        super(message);
    }
}
