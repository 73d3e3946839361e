package org.openspime.certification.codec;

import java.io.StringReader;
import java.util.Base64;
import java.util.function.Function;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;

/**
 * Reading one element with StAX, turning every low-level failure into a {@link MalformedElementException}
 * that names the element and attribute concerned.
 */
final class ElementCursor {

    /**
     * Shared: a configured XMLInputFactory is thread-safe for creating readers. DTD support is off, and
     * any DTD event that still gets through is refused in {@link #next()}.
     */
    private static final XMLInputFactory FACTORY = HardenedXml.newFactory();

    private final XMLStreamReader reader;

    ElementCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    /** A cursor on the root element of {@code xml}. */
    static ElementCursor onRootOf(String xml) throws MalformedElementException {
        if (xml == null) {
            throw new MalformedElementException("no XML");
        }
        try {
            ElementCursor cursor = new ElementCursor(FACTORY.createXMLStreamReader(new StringReader(xml)));
            while (cursor.reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                if (!cursor.reader.hasNext()) {
                    throw new MalformedElementException("XML holds no element");
                }
                cursor.next();
            }
            return cursor;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** After the root element was read: only whitespace, comments or processing instructions may follow. */
    void requireDocumentEnd() throws MalformedElementException {
        try {
            while (reader.hasNext()) {
                if (next() == XMLStreamConstants.START_ELEMENT) {
                    throw new MalformedElementException("more than one root element");
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    void requireStart(String namespace, String name) throws MalformedElementException {
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new MalformedElementException("expected <" + name + " xmlns='" + namespace + "'>, reader is not on a start tag");
        }
        if (!name.equals(reader.getLocalName()) || !namespace.equals(reader.getNamespaceURI())) {
            throw new MalformedElementException("expected <" + name + " xmlns='" + namespace + "'>, found <"
                    + reader.getLocalName() + " xmlns='" + nullToEmpty(reader.getNamespaceURI()) + "'>");
        }
    }

    boolean isOn(String namespace, String name) {
        return name.equals(reader.getLocalName()) && namespace.equals(reader.getNamespaceURI());
    }

    String name() {
        return reader.getLocalName();
    }

    XMLStreamReader reader() {
        return reader;
    }

    /** The attribute's value, or null; unqualified attributes only, as all of ours are. */
    String optionalAttribute(String name) {
        return reader.getAttributeValue(null, name);
    }

    String attribute(String name) throws MalformedElementException {
        String value = optionalAttribute(name);
        if (value == null) {
            throw new MalformedElementException("<" + name() + "/> lacks the '" + name + "' attribute");
        }
        return value;
    }

    Jid jidAttribute(String name) throws MalformedElementException {
        return convert(name, attribute(name), Jid::of);
    }

    java.time.Instant timeAttribute(String name) throws MalformedElementException {
        return convert(name, attribute(name), Timestamps::parse);
    }

    Fingerprint fingerprintAttribute(String name) throws MalformedElementException {
        return convert(name, attribute(name), Fingerprint::parse);
    }

    <T> T convert(String what, String value, Function<String, T> parser) throws MalformedElementException {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedElementException("<" + name() + "/> has a bad " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves to the next child start tag of the current element and returns true, or to the current
     * element's end tag and returns false. Call it on the parent's start tag or on a child's end tag.
     */
    boolean nextChild() throws MalformedElementException {
        try {
            while (true) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
                if (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace()) {
                    throw new MalformedElementException("unexpected text '" + reader.getText().strip() + "' in an element that holds only elements");
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** The text content of the current element; leaves the reader on its end tag. */
    String text() throws MalformedElementException {
        String name = name();
        try {
            return reader.getElementText();
        } catch (XMLStreamException e) {
            throw new MalformedElementException("<" + name + "/>: XML is not well-formed, or the element holds more than text: " + e.getMessage(), e);
        }
    }

    /** Base64 content, line breaks and spaces allowed (other implementations wrap lines). */
    byte[] base64Text(String what) throws MalformedElementException {
        String text = text().replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedElementException(what + " is not valid base64 (truncated?): " + e.getMessage(), e);
        }
    }

    /** Skips an unknown child (XMPP elements are extensible); leaves the reader on its end tag. */
    void skipElement() throws MalformedElementException {
        try {
            int depth = 1;
            while (depth > 0) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    private int next() throws XMLStreamException, MalformedElementException {
        int event = reader.next();
        if (HardenedXml.isRefused(event)) {
            throw new MalformedElementException("DTDs and entity references are not allowed");
        }
        return event;
    }

    private static MalformedElementException notWellFormed(XMLStreamException e) {
        return new MalformedElementException("XML is not well-formed: " + e.getMessage(), e);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

}
