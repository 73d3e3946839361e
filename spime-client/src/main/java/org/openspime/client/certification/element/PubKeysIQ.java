package org.openspime.client.certification.element;

import org.jxmpp.jid.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.KeyListCodec;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.Namespaces;

/**
 * {@code <pubkeys xmlns='urn:xmpp:pubkey:2' jid='…'/>}: as an IQ get, a key query (optionally subscribing); as the
 * result, the JID's key records. A query writes its {@link KeyQuery}
 * (an empty {@code <pubkeys/>}, perhaps with {@code subscribe}); a result holds the {@link KeyList}.
 */
public final class PubKeysIQ extends CodecIQ<KeyList> {
    public static final String ELEMENT = "pubkeys";
    public static final String NAMESPACE = Namespaces.PUBKEY;

    private final KeyQuery query;

    private PubKeysIQ(KeyQuery query) {
        super(ELEMENT, NAMESPACE, null, KeyListCodec.toXml(query));
        this.query = query;
    }

    public PubKeysIQ(KeyList result) {
        super(ELEMENT, NAMESPACE, result, KeyListCodec.toXml(result));
        this.query = null;
    }

    public PubKeysIQ(MalformedElementException malformed) {
        super(ELEMENT, NAMESPACE, malformed);
        this.query = null;
    }

    /** The IQ get asking the service at {@code service} for the keys named in {@code query}. */
    public static PubKeysIQ query(KeyQuery query, Jid service) {
        PubKeysIQ iq = new PubKeysIQ(query);
        iq.setType(Type.get);
        iq.setTo(service);
        return iq;
    }

    /** The query this IQ asks, if it is one. */
    public java.util.Optional<KeyQuery> keyQuery() {
        return java.util.Optional.ofNullable(query);
    }
}
