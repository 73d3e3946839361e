package org.openspime.client.certification.element;

import org.jxmpp.jid.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.LegacyKeyListCodec;
import org.openspime.certification.element.LegacyKeyList;
import org.openspime.certification.element.Namespaces;

/**
 * The 2008 OpenSpime query {@code <pubkeys xmlns='urn:xmpp:tmp:pubkey' jid='…'/>} and its answer (bare keys, no
 * attestation: it gives no trust by itself).
 */
public final class LegacyPubKeysIQ extends CodecIQ<LegacyKeyList> {
    public static final String ELEMENT = "pubkeys";
    public static final String NAMESPACE = Namespaces.LEGACY_PUBKEY;

    private LegacyPubKeysIQ(String queryXml) {
        super(ELEMENT, NAMESPACE, null, queryXml);
    }

    public LegacyPubKeysIQ(LegacyKeyList result) {
        super(ELEMENT, NAMESPACE, result, LegacyKeyListCodec.toXml(result));
    }

    public LegacyPubKeysIQ(MalformedElementException malformed) {
        super(ELEMENT, NAMESPACE, malformed);
    }

    public static LegacyPubKeysIQ query(org.openspime.certification.Jid jid, Jid service) {
        LegacyPubKeysIQ iq = new LegacyPubKeysIQ(LegacyKeyListCodec.queryXml(jid));
        iq.setType(Type.get);
        iq.setTo(service);
        return iq;
    }
}
