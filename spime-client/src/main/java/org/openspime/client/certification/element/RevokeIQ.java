package org.openspime.client.certification.element;

import org.jxmpp.jid.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.codec.RevocationCodec;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationRequest;

/**
 * {@code <revoke xmlns='urn:xmpp:revoke:2'/>}: as an IQ set, the owner's unsigned request; as the result, the
 * gate's signed revocation.
 */
public final class RevokeIQ extends CodecIQ<Revocation> {
    public static final String ELEMENT = "revoke";
    public static final String NAMESPACE = Namespaces.REVOKE;

    private final RevocationRequest request;

    private RevokeIQ(RevocationRequest request, String xml) {
        super(ELEMENT, NAMESPACE, null, xml);
        this.request = request;
    }

    public RevokeIQ(Revocation revocation) {
        super(ELEMENT, NAMESPACE, revocation, RevocationCodec.toXml(revocation));
        this.request = null;
    }

    public RevokeIQ(MalformedElementException malformed) {
        super(ELEMENT, NAMESPACE, malformed);
        this.request = null;
    }

    public static RevokeIQ request(RevocationRequest request, Jid service) {
        RevokeIQ iq = new RevokeIQ(request, RevocationCodec.toXml(request));
        iq.setType(Type.set);
        iq.setTo(service);
        return iq;
    }

    public java.util.Optional<RevocationRequest> revocationRequest() {
        return java.util.Optional.ofNullable(request);
    }
}
