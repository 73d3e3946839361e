package org.openspime.gate.engine;

import org.apache.vysper.xmpp.protocol.ProtocolWorker;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.protocol.StanzaProcessor;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * Processes a stanza in the calling thread. Vysper's {@code QueuedStanzaProcessor} hands each stanza to an
 * unordered pool, so two stanzas of one connection could be handled in either order (notes, item 1). The
 * gate's endpoint already runs each connection's events one at a time, in order, on MINA's
 * {@code OrderedThreadPoolExecutor}; processing inline keeps that order.
 */
public final class SynchronousStanzaProcessor implements StanzaProcessor {
    private final ProtocolWorker worker = new ProtocolWorker();

    @Override
    public void processStanza(ServerRuntimeContext runtime, SessionContext session, Stanza stanza,
                              SessionStateHolder stateHolder) {
        ActingEntity.runAs(session == null ? null : session.getInitiatingEntity(),
                () -> worker.processStanza(runtime, session, stanza, stateHolder));
    }

    @Override
    public void processTLSEstablished(SessionContext session, SessionStateHolder stateHolder) {
        worker.processTLSEstablished(session, stateHolder);
    }
}
