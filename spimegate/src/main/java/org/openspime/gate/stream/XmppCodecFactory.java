package org.openspime.gate.stream;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolEncoder;

/** A new decoder for every connection (it holds that connection's parser), one shared stateless encoder. */
public final class XmppCodecFactory implements ProtocolCodecFactory {
    private final XmppStreamEncoder encoder = new XmppStreamEncoder();
    private final int maxStanzaBytes;

    public XmppCodecFactory(int maxStanzaBytes) {
        this.maxStanzaBytes = maxStanzaBytes;
    }

    @Override
    public ProtocolEncoder getEncoder(IoSession session) {
        return encoder;
    }

    @Override
    public ProtocolDecoder getDecoder(IoSession session) {
        XmppStreamDecoder decoder = (XmppStreamDecoder) session.getAttribute(XmppStreamDecoder.ATTRIBUTE);
        if (decoder == null) {
            decoder = new XmppStreamDecoder(maxStanzaBytes);
            session.setAttribute(XmppStreamDecoder.ATTRIBUTE, decoder);
        }
        return decoder;
    }
}
