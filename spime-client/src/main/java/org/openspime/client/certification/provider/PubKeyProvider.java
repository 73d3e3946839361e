package org.openspime.client.certification.provider;

import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.PubKeyCodec;
import org.openspime.client.certification.element.PubKeyIQ;

/** Reads the answer to a publication: the stored {@code <pubkey/>} record. */
public final class PubKeyProvider extends CodecIqProvider<PubKeyIQ> {
    @Override
    PubKeyIQ read(String xml) throws MalformedElementException {
        return new PubKeyIQ(PubKeyCodec.parse(xml));
    }

    @Override
    PubKeyIQ malformed(MalformedElementException e) {
        return new PubKeyIQ(e);
    }
}
