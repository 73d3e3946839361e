package org.openspime.gate.sasl;

/** The SASL failure conditions of RFC 6120 section 6.5 the gate sends. */
public enum SaslFailure {
    ABORTED("aborted"),
    ACCOUNT_DISABLED("account-disabled"),
    ENCRYPTION_REQUIRED("encryption-required"),
    INCORRECT_ENCODING("incorrect-encoding"),
    INVALID_AUTHZID("invalid-authzid"),
    INVALID_MECHANISM("invalid-mechanism"),
    MALFORMED_REQUEST("malformed-request"),
    NOT_AUTHORIZED("not-authorized"),
    TEMPORARY_AUTH_FAILURE("temporary-auth-failure");

    private final String element;

    SaslFailure(String element) {
        this.element = element;
    }

    /** The name of the child element of {@code <failure/>}. */
    public String element() {
        return element;
    }
}
