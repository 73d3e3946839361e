package org.openspime.gate.stream;

import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * What the gate writes to a connection: a stanza, a stream header (written open, with the features Vysper
 * puts inside it; closed only when the stream ends), or the closing {@code </stream:stream>}.
 */
public sealed interface OutboundXml {

    record Element(Stanza stanza) implements OutboundXml {
    }

    record StreamOpening(Stanza header) implements OutboundXml {
    }

    enum StreamClosing implements OutboundXml {
        INSTANCE
    }
}
