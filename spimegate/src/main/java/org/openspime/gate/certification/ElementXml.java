package org.openspime.gate.certification;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import org.openspime.certification.codec.HardenedXml;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.vysper.xml.fragment.Renderer;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLElementBuilder;

/**
 * Between Vysper's element trees and the XML text the certification codecs read and write.
 *
 * <p>The codecs own the protocol's XML (one implementation, pinned by their tests); the gate only moves it in
 * and out of stanzas. Inbound, Vysper's renderer writes the IQ's child with its namespace declared, which is
 * what {@code codec.*.parse(String)} wants. Outbound, the codec's text is read back into an element tree that
 * {@link org.apache.vysper.xmpp.stanza.StanzaBuilder#addPreparedElement} can carry. Both cost a small parse or
 * render per stanza, far below the RSA signature a publication costs or the network round trip of a query.
 */
final class ElementXml {

    /** Configured once (thread-safe for creating readers); the input is the codecs' own output, but no DTDs anyway. */
    private static final XMLInputFactory FACTORY = HardenedXml.newFactory();

    private ElementXml() {
    }

    static String render(XMLElement element) {
        return new Renderer(element).getComplete();
    }

    /** The root element of {@code xml}, every element with its namespace. */
    static XMLElement parse(String xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // prolog
                }
                XMLElementBuilder builder = new XMLElementBuilder(reader.getLocalName(), emptyToNull(reader.getNamespaceURI()));
                addAttributes(reader, builder);
                int depth = 1;
                while (depth > 0) {
                    switch (reader.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            builder.startInnerElement(reader.getLocalName(), emptyToNull(reader.getNamespaceURI()));
                            addAttributes(reader, builder);
                            depth++;
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            depth--;
                            if (depth > 0) {
                                builder.endInnerElement();
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> builder.addText(reader.getText());
                        default -> {
                            // whitespace outside text, comments: the codecs write none
                        }
                    }
                }
                return builder.build();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("codec output is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static void addAttributes(XMLStreamReader reader, XMLElementBuilder builder) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            builder.addAttribute(ns == null ? "" : ns, reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
