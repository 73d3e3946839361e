package org.openspime.client.report.codec;

/**
 * Writes the exact XML form the tests pin. Owned here rather than borrowed from StAX, whose writers pick their own
 * quoting and empty-element forms, because the data document's bytes are signed: the same report must always
 * give the same bytes, on every JDK.
 */
final class XmlOut {

    private final StringBuilder out = new StringBuilder(256);
    private boolean inStartTag;

    XmlOut open(String name) {
        finishStartTag();
        out.append('<').append(name);
        inStartTag = true;
        return this;
    }

    XmlOut open(String name, String namespace) {
        return open(name).attr("xmlns", namespace);
    }

    XmlOut attr(String name, String value) {
        if (!inStartTag) {
            throw new IllegalStateException("attribute '" + name + "' written outside a start tag");
        }
        out.append(' ').append(name).append("='");
        escape(value, true);
        out.append('\'');
        return this;
    }

    XmlOut text(String text) {
        finishStartTag();
        escape(text, false);
        return this;
    }

    /** {@code />} when nothing was written inside, else {@code </name>}. */
    XmlOut close(String name) {
        if (inStartTag) {
            out.append("/>");
            inStartTag = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    String xml() {
        if (inStartTag) {
            throw new IllegalStateException("start tag left open");
        }
        return out.toString();
    }

    private void finishStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    /**
     * Escapes markup, and writes CR (and in attributes TAB and LF) as character references: a parser normalizes
     * raw ones away (CR LF to LF; in attributes to spaces), so only references survive a round trip.
     */
    private void escape(String s, boolean attribute) {
        int plain = plainPrefix(s, attribute);
        // most text is base64 (payload, signature, wrapped key) and needs no escaping: one bulk copy rather than a
        // char at a time (the outbox and the IQ each write a report's envelope, so this ran 3 times per report)
        out.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '\'': out.append(attribute ? "&apos;" : "'"); break;
                case '\r': out.append("&#13;"); break;
                case '\n': out.append(attribute ? "&#10;" : "\n"); break;
                case '\t': out.append(attribute ? "&#9;" : "\t"); break;
                default:
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("U+" + String.format("%04X", (int) c) + " cannot be written in XML 1.0");
                    }
                    out.append(c);
            }
        }
    }

    /** How many leading chars of {@code s} {@link #escape} would copy unchanged. */
    private static int plainPrefix(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && !(c == '\n' && !attribute) || c == '&' || c == '<' || c == '>' || c == '\'' || c >= 0xFFFE) {
                return i;
            }
        }
        return s.length();
    }
}
