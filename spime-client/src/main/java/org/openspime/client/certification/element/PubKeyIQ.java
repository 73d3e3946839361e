package org.openspime.client.certification.element;

import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.PubKeyCodec;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.PubKey;

/**
 * {@code <pubkey xmlns='urn:xmpp:pubkey:2'/>}: as an IQ set, a key to publish; as the result, the stored record
 * with the gate's attestation.
 */
public final class PubKeyIQ extends CodecIQ<KeyRecord> {
    public static final String ELEMENT = "pubkey";
    public static final String NAMESPACE = Namespaces.PUBKEY;

    public PubKeyIQ(KeyRecord record) {
        super(ELEMENT, NAMESPACE, record, PubKeyCodec.toXml(record));
    }

    public PubKeyIQ(MalformedElementException malformed) {
        super(ELEMENT, NAMESPACE, malformed);
    }

    /** The IQ set publishing {@code pubKey} to the service at {@code service}. */
    public static PubKeyIQ publish(PubKey pubKey, Jid service) {
        PubKeyIQ iq = new PubKeyIQ(new KeyRecord(pubKey, List.of(), Optional.empty()));
        iq.setType(Type.set);
        iq.setTo(service);
        return iq;
    }
}
