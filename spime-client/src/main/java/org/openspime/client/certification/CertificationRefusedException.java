package org.openspime.client.certification;

import org.openspime.certification.CertificationException;
import org.openspime.certification.StanzaError;

/**
 * The certification service refused a request with one of the protocol's stanza errors (for example
 * {@code not-acceptable}: key too short, validity refused, or the key was revoked). The message is the service's
 * text, which names what was wrong. An {@code item-not-found} answer is a
 * {@link org.openspime.certification.NoKeyPublishedException} instead.
 */
public final class CertificationRefusedException extends CertificationException {

    public CertificationRefusedException(StanzaError error, String serviceText) {
        super(error, serviceText);
    }
}
