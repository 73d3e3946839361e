package org.openspime.client.certification;

/**
 * The certification service could not be asked or gave no usable answer: not connected, no response in time,
 * or an error outside the protocol's (e.g. {@code service-unavailable} when the gate has no such service). Says
 * nothing about the key concerned; try again later.
 */
public class CertificationUnavailableException extends Exception {

    public CertificationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
