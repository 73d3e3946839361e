package org.openspime.gate.engine;

import java.util.List;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.delivery.StanzaRelay;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.StanzaProcessor;
import org.apache.vysper.xmpp.server.DefaultServerRuntimeContext;
import org.apache.vysper.xmpp.server.ServerFeatures;

/**
 * Vysper's runtime context with the gate's stanza processor: Vysper keeps its queued processor in a private
 * field with no setter, and this accessor is how the rest of Vysper (s2s, components) reaches it.
 */
public final class GateRuntimeContext extends DefaultServerRuntimeContext {
    private final StanzaProcessor processor;

    public GateRuntimeContext(Entity serverEntity, StanzaRelay relay, ServerFeatures features,
                              List<HandlerDictionary> dictionaries, GateResourceRegistry registry,
                              StanzaProcessor processor) {
        super(serverEntity, relay, features, dictionaries, registry);
        this.processor = processor;
    }

    @Override
    public StanzaProcessor getStanzaProcessor() {
        return processor;
    }

    @Override
    public GateResourceRegistry getResourceRegistry() {
        return (GateResourceRegistry) super.getResourceRegistry();
    }
}
