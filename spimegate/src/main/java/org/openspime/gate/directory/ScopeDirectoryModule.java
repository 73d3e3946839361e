package org.openspime.gate.directory;

import java.util.List;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.modules.DefaultDiscoAwareModule;
import org.apache.vysper.xmpp.modules.servicediscovery.management.Feature;
import org.apache.vysper.xmpp.modules.servicediscovery.management.InfoElement;
import org.apache.vysper.xmpp.modules.servicediscovery.management.InfoRequest;
import org.apache.vysper.xmpp.modules.servicediscovery.management.ServerInfoRequestListener;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.engine.SingleHandlerDictionary;

/**
 * The directory as a Vysper module: its dictionary claims get and set IQs to the gate's domain whose child is in
 * the directory's namespace (so Vysper's own handlers, which would answer {@code service-unavailable}, never see
 * them), and the server's {@code disco#info} lists the feature {@value ScopeDirectoryXml#NAMESPACE}.
 */
final class ScopeDirectoryModule extends DefaultDiscoAwareModule implements ServerInfoRequestListener {
    private final ScopeDirectoryIqHandler handler;
    private volatile Entity server;

    ScopeDirectoryModule(ScopeDirectoryIqHandler handler) {
        this.handler = handler;
    }

    @Override
    public String getName() {
        return "OpenSpime scope directory";
    }

    @Override
    public String getVersion() {
        return "1";
    }

    @Override
    public void initialize(ServerRuntimeContext serverRuntimeContext) {
        server = serverRuntimeContext.getServerEnitity();
        super.initialize(serverRuntimeContext);
    }

    @Override
    protected void addHandlerDictionaries(List<HandlerDictionary> dictionaries) {
        dictionaries.add(new DirectoryIqDictionary());
    }

    @Override
    protected void addServerInfoRequestListeners(List<ServerInfoRequestListener> listeners) {
        listeners.add(this);
    }

    @Override
    public List<InfoElement> getServerInfosFor(InfoRequest request) {
        return request.getNode() == null ? List.of(new Feature(ScopeDirectoryXml.NAMESPACE)) : null;
    }

    /** Claims get/set IQs to the gate's bare domain with a child in the directory's namespace. */
    private final class DirectoryIqDictionary extends SingleHandlerDictionary {
        DirectoryIqDictionary() {
            super(handler);
        }

        @Override
        protected boolean claims(Stanza stanza) {
            if (!"iq".equals(stanza.getName()) || stanza.getInnerElements().isEmpty()) {
                return false;
            }
            Entity to = stanza.getTo();
            return to != null && to.equals(server)
                    && ScopeDirectoryXml.NAMESPACE.equals(stanza.getFirstInnerElement().getNamespaceURI());
        }
    }
}
