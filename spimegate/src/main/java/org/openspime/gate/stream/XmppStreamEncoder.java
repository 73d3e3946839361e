package org.openspime.gate.stream;

import java.nio.charset.StandardCharsets;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolEncoderAdapter;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;
import org.apache.vysper.xml.fragment.Renderer;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * Renders {@link OutboundXml} to UTF-8. Stateless, so one instance may serve every connection and thread:
 * {@link String#getBytes} allocates its own encoder, unlike Vysper's shared static one.
 */
public final class XmppStreamEncoder extends ProtocolEncoderAdapter {
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final byte[] STREAM_END = "</stream:stream>".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
        byte[] bytes;
        if (message instanceof OutboundXml.Element element) {
            bytes = render(element.stanza());
        } else if (message instanceof OutboundXml.Rendered rendered) {
            bytes = rendered.utf8();
        } else if (message instanceof OutboundXml.StreamOpening opening) {
            // The header is written open: its opening tag and what Vysper puts inside it (the stream features).
            Renderer r = new Renderer(opening.header());
            bytes = (PROLOG + r.getOpeningElement() + r.getElementContent()).getBytes(StandardCharsets.UTF_8);
        } else if (message == OutboundXml.StreamClosing.INSTANCE) {
            bytes = STREAM_END;
        } else {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getName());
        }
        out.write(IoBuffer.wrap(bytes));
    }

    /** A stanza (or a stream error) as UTF-8, as {@link OutboundXml.Element} is written. */
    public static byte[] render(Stanza stanza) {
        String xml = StreamErrorRendering.isVyspersStreamError(stanza)
                ? StreamErrorRendering.render(stanza)
                : new Renderer(stanza).getComplete();
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
