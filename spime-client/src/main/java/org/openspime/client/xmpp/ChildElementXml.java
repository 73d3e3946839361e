package org.openspime.client.xmpp;

import org.jivesoftware.smack.packet.IQ;

/**
 * Puts an IQ child element written by one of our codecs into Smack's builder.
 *
 * <p>Smack writes an IQ's child itself: it opens {@code <name xmlns='ns'}, lets the subclass add attributes and
 * content, and closes it. Our codecs write the whole element in exactly that form, starting with the same
 * {@code <name xmlns='ns'} (both quote with apostrophes), so the codec's text after that prefix, without its own
 * closing tag, is what Smack needs; an empty element ({@code />}) becomes Smack's empty element. The split is
 * checked, never guessed: a codec output that does not start and end as expected is a bug and throws.
 */
public final class ChildElementXml {

    private ChildElementXml() {
    }

    public static IQ.IQChildElementXmlStringBuilder append(IQ.IQChildElementXmlStringBuilder builder,
            String element, String namespace, String xml) {
        String prefix = "<" + element + " xmlns='" + namespace + "'";
        if (!xml.startsWith(prefix)) {
            throw new IllegalStateException("codec output does not start with " + prefix + ": " + xml);
        }
        String closing = "</" + element + ">";
        if (xml.endsWith("/>") && xml.indexOf('>') == xml.length() - 1) {
            builder.append(xml, prefix.length(), xml.length() - 2);
            builder.setEmptyElement();
        } else if (xml.endsWith(closing)) {
            builder.append(xml, prefix.length(), xml.length() - closing.length());
        } else {
            throw new IllegalStateException("codec output does not end with " + closing + ": " + xml);
        }
        return builder;
    }
}
