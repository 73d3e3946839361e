package org.openspime.client.certification.provider;

import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.LegacyKeyListCodec;
import org.openspime.client.certification.element.LegacyPubKeysIQ;

/** Reads the answer to the 2008 query. */
public final class LegacyPubKeysProvider extends CodecIqProvider<LegacyPubKeysIQ> {
    @Override
    LegacyPubKeysIQ read(String xml) throws MalformedElementException {
        return new LegacyPubKeysIQ(LegacyKeyListCodec.parse(xml));
    }

    @Override
    LegacyPubKeysIQ malformed(MalformedElementException e) {
        return new LegacyPubKeysIQ(e);
    }
}
