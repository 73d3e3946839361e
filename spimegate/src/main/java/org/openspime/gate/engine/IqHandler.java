package org.openspime.gate.engine;

import org.apache.vysper.xmpp.protocol.StanzaHandler;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * Base of the gate's own IQ handlers: handles {@code <iq/>} from a session. Which IQs reach it is decided by the
 * dictionary it is registered in, so {@link #verify} only checks the element name.
 */
public abstract class IqHandler implements StanzaHandler {

    @Override
    public final String getName() {
        return "iq";
    }

    @Override
    public boolean verify(Stanza stanza) {
        return "iq".equals(stanza.getName());
    }

    @Override
    public boolean isSessionRequired() {
        return true;
    }
}
