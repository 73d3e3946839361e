package org.openspime.gate.identity;

/**
 * One row of the change log.
 *
 * @param id     monotonic id given by the database
 * @param jid    the OSID or account concerned
 * @param kind   what happened
 * @param origin the registry instance that made the change
 */
public record IdentityChange(long id, String jid, Kind kind, String origin) {
    /** What happened to an identity. */
    public enum Kind { CREATED, DISABLED, ENABLED, DELETED, PASSWORD_CHANGED }
}
