package org.openspime.gate.engine;

import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.StanzaHandler;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * A dictionary holding one handler, fixed at construction, that claims the stanzas {@link #claims} accepts.
 * Vysper consults dictionaries in order before its own lookup, so a gate dictionary placed first takes those
 * stanzas away from Vysper's handlers.
 */
public abstract class SingleHandlerDictionary implements HandlerDictionary {
    private final StanzaHandler handler;

    protected SingleHandlerDictionary(StanzaHandler handler) {
        this.handler = handler;
    }

    /** Whether this dictionary's handler takes {@code stanza}. */
    protected abstract boolean claims(Stanza stanza);

    @Override
    public final StanzaHandler get(Stanza stanza) {
        return claims(stanza) ? handler : null;
    }

    @Override
    public final void register(StanzaHandler stanzaHandler) {
        throw new UnsupportedOperationException("this dictionary holds exactly one handler, fixed at construction");
    }

    @Override
    public final void seal() {
        // fixed at construction
    }
}
