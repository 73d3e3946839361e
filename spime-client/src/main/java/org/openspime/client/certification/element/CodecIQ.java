package org.openspime.client.certification.element;

import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.MalformedElementException;
import org.jivesoftware.smack.packet.IQ;
import org.openspime.client.xmpp.ChildElementXml;

/**
 * An IQ whose child element's XML comes from a certification codec.
 *
 * <p>The codec's XML goes into Smack's builder through {@link ChildElementXml}.
 *
 * <p>An answer that arrived but could not be read carries its {@link MalformedElementException} instead of a
 * payload, so that the waiting caller gets the reason at once instead of a reply timeout (a Smack provider that
 * throws makes Smack drop the stanza).
 *
 * @param <T> what the child element holds
 */
public abstract class CodecIQ<T> extends IQ {

    private final T payload;
    private final String xml;
    private final MalformedElementException malformed;

    /** {@code payload} is null for a request, whose content is only its XML. */
    protected CodecIQ(String element, String namespace, T payload, String xml) {
        super(element, namespace);
        this.payload = payload;
        this.xml = Objects.requireNonNull(xml, "xml");
        this.malformed = null;
    }

    protected CodecIQ(String element, String namespace, MalformedElementException malformed) {
        super(element, namespace);
        this.payload = null;
        this.xml = null;
        this.malformed = Objects.requireNonNull(malformed, "malformed");
    }

    /** What the answer's child holds, or why it could not be read. */
    public T payload() throws MalformedElementException {
        if (malformed != null) {
            throw malformed;
        }
        if (payload == null) {
            throw new IllegalStateException("a request carries no answer");
        }
        return payload;
    }

    public Optional<MalformedElementException> malformed() {
        return Optional.ofNullable(malformed);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder builder) {
        if (xml == null) {
            throw new IllegalStateException("an unreadable answer cannot be sent: " + malformed.getMessage());
        }
        return ChildElementXml.append(builder, getChildElementName(), getChildElementNamespace(), xml);
    }
}
