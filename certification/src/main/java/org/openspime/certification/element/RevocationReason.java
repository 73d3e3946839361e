package org.openspime.certification.element;

import java.util.Locale;

/**
 * Why a key was revoked, written as a token in the {@code reason} attribute. A closed list, so a verifier
 * in any language can act on it (a compromised key taints what it signed; a superseded one does not).
 */
public enum RevocationReason {
    UNSPECIFIED,
    KEY_COMPROMISE,
    SUPERSEDED,
    RETIRED;

    /** The XML token: lower case with hyphens, e.g. {@code key-compromise}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException for an unknown token
     */
    public static RevocationReason fromToken(String token) {
        for (RevocationReason reason : values()) {
            if (reason.token().equals(token)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason '" + token + "' (expected unspecified, key-compromise, superseded or retired)");
    }
}
