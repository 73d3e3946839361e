package org.openspime.web.key;

/** Where a published key stands: usable, past its validity, or revoked by an operator or its owner. */
public enum KeyState {
    VALID,
    EXPIRED,
    REVOKED
}
