package org.openspime.client.report.codec;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.function.Function;
import javax.xml.stream.XMLInputFactory;
import org.openspime.certification.codec.HardenedXml;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.InvalidValueException;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.MissingPartException;
import org.openspime.client.report.NotWellFormedException;

/**
 * A cursor over one element tree read with StAX, turning every failure into the specific malformation.
 *
 * <p>Signed attributes (JIDs, fingerprints, the envelope time) must be written in their canonical form and are
 * refused otherwise: the verifier checks the signature over the text it reads, so a second spelling of the same value would
 * only mean a signature that fails for reasons nobody can see.
 */
final class XmlIn {

    /** Thread-safe once configured; shared. */
    private static final XMLInputFactory FACTORY = hardenedFactory();

    private final XMLStreamReader reader;

    private XmlIn(XMLStreamReader reader) {
        this.reader = reader;
    }

    static XmlIn ofString(String xml) throws MalformedReportException {
        if (xml == null) {
            throw new NotWellFormedException("no XML");
        }
        try {
            return atRoot(FACTORY.createXMLStreamReader(new StringReader(xml)));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    static XmlIn ofUtf8(byte[] xml) throws MalformedReportException {
        try {
            return atRoot(FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8"));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    private static XmlIn atRoot(XMLStreamReader reader) throws XMLStreamException, MalformedReportException {
        XmlIn in = new XmlIn(reader);
        while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
            if (!reader.hasNext()) {
                throw new NotWellFormedException("the document holds no element");
            }
            in.next();
        }
        return in;
    }

    void expect(String namespace, String name) throws InvalidValueException {
        if (!name.equals(reader.getLocalName()) || !namespace.equals(reader.getNamespaceURI())) {
            String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            throw new InvalidValueException("expected <" + name + " xmlns='" + namespace + "'>, found <"
                    + reader.getLocalName() + " xmlns='" + ns + "'>");
        }
    }

    boolean at(String namespace, String name) {
        return name.equals(reader.getLocalName()) && namespace.equals(reader.getNamespaceURI());
    }

    String name() {
        return reader.getLocalName();
    }

    String optional(String attribute) {
        return reader.getAttributeValue(null, attribute);
    }

    String required(String attribute) throws MissingPartException {
        String value = optional(attribute);
        if (value == null) {
            throw new MissingPartException("<" + name() + "/> lacks the '" + attribute + "' attribute");
        }
        return value;
    }

    <T> T convert(String attribute, String text, Function<String, T> parser) throws InvalidValueException {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("<" + name() + "/> has a bad '" + attribute + "': " + e.getMessage(), e);
        }
    }

    /** A JID attribute, which must already be in the canonical form (lower-case local part and domain). */
    Jid canonicalJid(String attribute) throws MalformedReportException {
        String text = required(attribute);
        Jid jid = convert(attribute, text, Jid::of);
        if (!jid.toString().equals(text)) {
            throw new InvalidValueException("<" + name() + "/> '" + attribute + "' must be written canonically as '" + jid + "', not '" + text + "'");
        }
        return jid;
    }

    Fingerprint canonicalFingerprint(String attribute) throws MalformedReportException {
        String text = required(attribute);
        Fingerprint fingerprint = convert(attribute, text, Fingerprint::parse);
        if (!fingerprint.toString().equals(text)) {
            throw new InvalidValueException("<" + name() + "/> '" + attribute + "' must be upper-case hex: " + fingerprint);
        }
        return fingerprint;
    }

    /** Next child start tag (true) or this element's end tag (false); non-blank text between children is refused. */
    boolean nextChild() throws MalformedReportException {
        try {
            while (true) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
                if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !reader.isWhiteSpace()) {
                    throw new InvalidValueException("text '" + reader.getText().strip() + "' where only elements may be");
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** The element's text (it must hold no child element); leaves the cursor on its end tag. */
    String text() throws MalformedReportException {
        String element = name();
        try {
            StringBuilder b = new StringBuilder();
            while (true) {
                int event = next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return b.toString();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    throw new InvalidValueException("<" + element + "/> holds an element <" + reader.getLocalName() + "/> where only text may be");
                }
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                    b.append(reader.getText());
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    void skip() throws MalformedReportException {
        try {
            for (int depth = 1; depth > 0; ) {
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

    /** After the root's end tag only comments, processing instructions and whitespace may follow. */
    void expectEnd() throws MalformedReportException {
        try {
            while (reader.hasNext()) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    throw new InvalidValueException("a second root element <" + reader.getLocalName() + "/>");
                }
                if (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace()) {
                    throw new NotWellFormedException("text after the root element");
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    private int next() throws XMLStreamException, NotWellFormedException {
        int event = reader.next();
        if (HardenedXml.isRefused(event)) {
            throw new NotWellFormedException("DTDs and entity references are refused");
        }
        return event;
    }

    private static NotWellFormedException notWellFormed(XMLStreamException e) {
        return new NotWellFormedException("not well-formed XML: " + e.getMessage(), e);
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = HardenedXml.newFactory();
        // report payloads also surface any entity reference as an event, so it is refused rather than expanded
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
