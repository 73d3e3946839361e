package org.openspime.client.certification.provider;

import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.KeyListCodec;
import org.openspime.client.certification.element.PubKeysIQ;

/** Reads the answer to a key query: {@code <pubkeys xmlns='urn:xmpp:pubkey:2'/>} with the JID's records. */
public final class PubKeysProvider extends CodecIqProvider<PubKeysIQ> {
    @Override
    PubKeysIQ read(String xml) throws MalformedElementException {
        return new PubKeysIQ(KeyListCodec.parse(xml));
    }

    @Override
    PubKeysIQ malformed(MalformedElementException e) {
        return new PubKeysIQ(e);
    }
}
