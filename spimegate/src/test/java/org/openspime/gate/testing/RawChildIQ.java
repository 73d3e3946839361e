package org.openspime.gate.testing;

import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/** An IQ whose child is written as given, for sending what a well-behaved client never would. */
public final class RawChildIQ extends IQ {
    private final String attributesAndContent;

    /**
     * @param attributesAndContent what follows {@code <name xmlns='ns'}: attributes, then {@code >content} (the
     *                             closing tag is Smack's)
     */
    public RawChildIQ(Type type, Jid to, String name, String namespace, String attributesAndContent) {
        super(name, namespace);
        setType(type);
        setTo(to);
        this.attributesAndContent = attributesAndContent;
    }

    /** The IQ carrying {@code element} (a whole {@code <name xmlns='ns' …>…</name>} as a codec writes it) verbatim. */
    public static RawChildIQ of(Type type, Jid to, String name, String namespace, String element) {
        String prefix = "<" + name + " xmlns='" + namespace + "'";
        String closing = "</" + name + ">";
        if (!element.startsWith(prefix) || !element.endsWith(closing)) {
            throw new IllegalArgumentException("not a <" + name + "/> element: " + element);
        }
        return new RawChildIQ(type, to, name, namespace, element.substring(prefix.length(), element.length() - closing.length()));
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.append(attributesAndContent);
        return xml;
    }
}
