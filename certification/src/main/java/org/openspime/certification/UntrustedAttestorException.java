package org.openspime.certification;

/** No attestation of the key was made by a certification gate listed in the verifier's trust anchors. */
public final class UntrustedAttestorException extends CertificationException {

    public UntrustedAttestorException(String message) {
        super(StanzaError.NOT_ACCEPTABLE, message);
    }

    public UntrustedAttestorException(String message, Throwable cause) {
        super(StanzaError.NOT_ACCEPTABLE, message, cause);
    }
}
