package org.openspime.client.certification;

/**
 * A {@link org.openspime.certification.client.KeyVerifier} fetch through {@link CertificationManager} could not
 * reach the service. Unchecked because the verifier's fetch may only throw verdicts about keys; this is not one.
 * The cause is the {@link CertificationUnavailableException} (or the interruption) that stopped it.
 */
public final class KeyFetchFailedException extends RuntimeException {

    public KeyFetchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
