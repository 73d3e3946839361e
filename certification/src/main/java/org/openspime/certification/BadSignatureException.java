package org.openspime.certification;

/** An attestation or revocation claims a trusted signer but its signature does not verify: forged or altered. */
public final class BadSignatureException extends CertificationException {

    public BadSignatureException(String message) {
        super(StanzaError.NOT_ACCEPTABLE, message);
    }

    public BadSignatureException(String message, Throwable cause) {
        super(StanzaError.NOT_ACCEPTABLE, message, cause);
    }
}
