package org.openspime.client.certification.provider;

import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.RevocationCodec;
import org.openspime.client.certification.element.RevokeIQ;

/** Reads the answer to a revocation request: the gate's signed {@code <revoke/>}. */
public final class RevokeProvider extends CodecIqProvider<RevokeIQ> {
    @Override
    RevokeIQ read(String xml) throws MalformedElementException {
        return new RevokeIQ(RevocationCodec.parse(xml));
    }

    @Override
    RevokeIQ malformed(MalformedElementException e) {
        return new RevokeIQ(e);
    }
}
