package org.openspime.certification.codec;

/**
 * A minimal streaming XML writer for the exact form our tests pin. StAX's writer would do, but it chooses
 * quoting and empty-element forms itself; owning twenty lines keeps the output stable across JDKs.
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder(512);
    private boolean startTagOpen;

    /** Opens {@code <name}, with {@code xmlns} when {@code namespace} is not null. */
    XmlWriter start(String name, String namespace) {
        closeStartTag();
        out.append('<').append(name);
        startTagOpen = true;
        if (namespace != null) {
            attribute("xmlns", namespace);
        }
        return this;
    }

    XmlWriter attribute(String name, String value) {
        if (!startTagOpen) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("='");
        escape(value, true);
        out.append('\'');
        return this;
    }

    XmlWriter text(String text) {
        closeStartTag();
        escape(text, false);
        return this;
    }

    /** Closes the element: {@code />} if it has no content yet, {@code </name>} otherwise. */
    XmlWriter end(String name) {
        if (startTagOpen) {
            out.append("/>");
            startTagOpen = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    /** A text-only child: {@code <name>text</name>}. */
    XmlWriter textElement(String name, String text) {
        return start(name, null).text(text).end(name);
    }

    @Override
    public String toString() {
        if (startTagOpen) {
            throw new IllegalStateException("unclosed start tag");
        }
        return out.toString();
    }

    private void closeStartTag() {
        if (startTagOpen) {
            out.append('>');
            startTagOpen = false;
        }
    }

    private void escape(String value, boolean inAttribute) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '\'': out.append(inAttribute ? "&apos;" : "'"); break;
                case '"': out.append(inAttribute ? "&quot;" : "\""); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " cannot appear in XML 1.0");
                    }
                    out.append(c);
            }
        }
    }
}
