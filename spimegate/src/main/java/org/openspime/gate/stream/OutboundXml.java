package org.openspime.gate.stream;

import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * What the gate writes to a connection: a stanza, a stream header (written open, with the features Vysper
 * puts inside it; closed only when the stream ends), stanzas already rendered, or the closing
 * {@code </stream:stream>}.
 */
public sealed interface OutboundXml {

    record Element(Stanza stanza) implements OutboundXml {
    }

    record StreamOpening(Stanza header) implements OutboundXml {
    }

    /**
     * Stanzas already rendered to UTF-8, one after another: an established session's outbox writes what queued
     * up while its previous write was in flight as one of these, so it is encrypted as one TLS record.
     */
    record Rendered(byte[] utf8) implements OutboundXml {
    }

    enum StreamClosing implements OutboundXml {
        INSTANCE
    }
}
