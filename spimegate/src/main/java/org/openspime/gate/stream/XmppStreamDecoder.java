package org.openspime.gate.stream;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderAdapter;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.apache.vysper.xml.fragment.Attribute;
import org.apache.vysper.xmpp.protocol.StreamErrorCondition;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;

/**
 * Decodes one connection's XMPP stream. One instance per connection; MINA calls {@link #decode} from a single
 * I/O thread at a time for a given session, so the parser state needs no locking. {@link #restartStream()} is
 * the one method called from other threads (after STARTTLS and SASL success the peer starts a new XML
 * document), hence the volatile flag that the I/O thread acts on before its next read.
 *
 * <p>Emits, in order: the stream header as a {@code Stanza} named {@code stream} as soon as its start tag is
 * complete, each top-level element (stanza) once complete, {@link StreamClosed} at {@code </stream:stream>},
 * or one {@link StreamViolation} after which the rest of the input is ignored.
 */
public final class XmppStreamDecoder extends ProtocolDecoderAdapter {
    /** IoSession attribute under which the connection's decoder is kept, so the session can restart it. */
    public static final String ATTRIBUTE = XmppStreamDecoder.class.getName();

    private static final AsyncXMLInputFactory FACTORY = createFactory();

    private final int maxStanzaBytes;
    private volatile boolean restartRequested;
    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    private StanzaBuilder builder;
    private int depth;
    private long fed;
    private long elementStart;
    private long lastEventEnd;
    private boolean failed;

    public XmppStreamDecoder(int maxStanzaBytes) {
        this.maxStanzaBytes = maxStanzaBytes;
        newDocument();
    }

    private static AsyncXMLInputFactory createFactory() {
        AsyncXMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** The peer will start a new XML document (stream restart); takes effect before the next bytes are read. */
    /** The largest stanza this connection accepts, in bytes (advertised with XEP-0478, {@link StreamLimits}). */
    public int maxStanzaBytes() {
        return maxStanzaBytes;
    }

    public void restartStream() {
        restartRequested = true;
    }

    private void newDocument() {
        reader = FACTORY.createAsyncForByteArray();
        builder = null;
        depth = 0;
        fed = 0;
        elementStart = 0;
        lastEventEnd = 0;
    }

    @Override
    public void decode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) {
        if (failed) {
            in.position(in.limit());
            return;
        }
        if (restartRequested) {
            restartRequested = false;
            newDocument();
        }
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        try {
            reader.getInputFeeder().feedInput(bytes, 0, bytes.length);
            fed += bytes.length;
            int event;
            while (!failed && (event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                handle(event, out);
                lastEventEnd = reader.getLocationInfo().getEndingByteOffset();
            }
            if (!failed) {
                checkPendingSize(out);
            }
        } catch (XMLStreamException e) {
            fail(out, StreamErrorCondition.XML_NOT_WELL_FORMED, "not well-formed XML: " + firstLine(e.getMessage()));
        }
    }

    private void handle(int event, ProtocolDecoderOutput out) throws XMLStreamException {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> startElement(out);
            case XMLStreamConstants.END_ELEMENT -> endElement(out);
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(out);
            case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.DTD,
                 XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                 XMLStreamConstants.NOTATION_DECLARATION ->
                    fail(out, StreamErrorCondition.RESTRICTED_XML,
                            "comments, processing instructions, DTDs and entity references are not allowed (RFC 6120 11.1)");
            default -> {
                // START_DOCUMENT (the XML declaration) and END_DOCUMENT carry nothing for us
            }
        }
    }

    private void startElement(ProtocolDecoderOutput out) throws XMLStreamException {
        depth++;
        if (depth == 2) {
            elementStart = reader.getLocationInfo().getStartingByteOffset();
        }
        String ns = emptyToNull(reader.getNamespaceURI());
        String prefix = reader.getPrefix();
        if (builder == null) {
            builder = new StanzaBuilder(reader.getLocalName(), ns, prefix == null ? "" : prefix);
        } else {
            builder.startInnerElement(reader.getLocalName(), ns);
        }
        // Vysper's handlers read namespace declarations as attributes (its own parser reports them that way).
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String p = reader.getNamespacePrefix(i);
            String name = p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p;
            builder.addAttribute(new Attribute(name, reader.getNamespaceURI(i)));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attNs = reader.getAttributeNamespace(i);
            builder.addAttribute(attNs == null ? "" : attNs, reader.getAttributeLocalName(i),
                    reader.getAttributeValue(i));
        }
        if (depth == 1) {
            out.write(builder.build());
            builder = null;
        }
    }

    private void endElement(ProtocolDecoderOutput out) throws XMLStreamException {
        depth--;
        if (depth == 0) {
            out.write(StreamClosed.INSTANCE);
            failed = true; // nothing may follow the end of the stream
        } else if (depth == 1) {
            long size = reader.getLocationInfo().getEndingByteOffset() - elementStart;
            if (size > maxStanzaBytes) {
                fail(out, StreamErrorCondition.POLICY_VIOLATION, tooLarge(size));
                return;
            }
            out.write(builder.build());
            builder = null;
        } else {
            builder.endInnerElement();
        }
    }

    private void text(ProtocolDecoderOutput out) {
        String text = reader.getText();
        if (builder != null && depth >= 2) {
            builder.addText(text);
        } else if (!text.isBlank()) {
            fail(out, StreamErrorCondition.BAD_FORMAT, "character data is not allowed between stanzas");
        }
    }

    /** A stanza (or a header, or stray bytes) still incomplete must not grow past the limit while we wait. */
    private void checkPendingSize(ProtocolDecoderOutput out) {
        long pending = depth >= 2 ? fed - elementStart : fed - lastEventEnd;
        if (pending > maxStanzaBytes) {
            fail(out, StreamErrorCondition.POLICY_VIOLATION, tooLarge(pending));
        }
    }

    private String tooLarge(long size) {
        return "stanza of at least " + size + " bytes exceeds the limit of " + maxStanzaBytes + " bytes";
    }

    private void fail(ProtocolDecoderOutput out, StreamErrorCondition condition, String reason) {
        failed = true;
        builder = null;
        out.write(new StreamViolation(condition, reason));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void dispose(IoSession session) throws XMLStreamException {
        reader.close();
    }
}
