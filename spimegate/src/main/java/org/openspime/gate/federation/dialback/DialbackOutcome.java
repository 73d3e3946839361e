package org.openspime.gate.federation.dialback;

/**
 * How the check of a dialback key ended.
 *
 * @param type   {@code valid}, {@code invalid}, or {@code error} (the check could not be made)
 * @param reason for the log
 */
public record DialbackOutcome(String type, String reason) {
    public boolean valid() {
        return "valid".equals(type);
    }
}
