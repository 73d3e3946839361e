package org.openspime.gate.certification;

import java.util.List;
import java.util.Objects;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.modules.DefaultDiscoAwareModule;
import org.apache.vysper.xmpp.modules.servicediscovery.management.ComponentInfoRequestListener;
import org.apache.vysper.xmpp.modules.servicediscovery.management.Feature;
import org.apache.vysper.xmpp.modules.servicediscovery.management.Identity;
import org.apache.vysper.xmpp.modules.servicediscovery.management.InfoElement;
import org.apache.vysper.xmpp.modules.servicediscovery.management.InfoRequest;
import org.apache.vysper.xmpp.modules.servicediscovery.management.Item;
import org.apache.vysper.xmpp.modules.servicediscovery.management.ItemRequestListener;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.protocol.StanzaProcessor;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.server.components.Component;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.certification.element.Namespaces;
import org.openspime.gate.engine.SingleHandlerDictionary;

/**
 * The certification service as a Vysper module and component at {@code <subdomain>.<domain>}.
 *
 * <ul>
 * <li>Disco: the server's {@code disco#items} lists the service; its {@code disco#info} says
 * {@code category='auth' type='cert'} (the registry's "server component that authenticates based on digital
 * certificates", the closest there is) and the features {@code urn:xmpp:pubkey:2}, {@code urn:xmpp:attest:2},
 * {@code urn:xmpp:revoke:2}, {@code urn:xmpp:tmp:pubkey}.</li>
 * <li>IQs from the gate's own streams: a handler dictionary claims every IQ addressed to the service, so they are
 * answered where the sender's session is known (see {@link CertificationIqHandler}). Vysper asks dictionaries in
 * order and this one is added after the engine's and the disco module's, so disco queries to the service still
 * reach the disco handler, which asks this module through {@link ComponentInfoRequestListener}.</li>
 * <li>The component's stanza processor takes what the relay delivers to the service's address: IQs relayed
 * with a gate-stamped {@code from}, and messages or presence, which it drops (an error message from a subscriber
 * ends that subscriber's subscriptions).</li>
 * </ul>
 */
public final class CertificationModule extends DefaultDiscoAwareModule
        implements Component, ComponentInfoRequestListener, ItemRequestListener {

    static final String NAME = "OpenSpime certification";

    private final String subdomain;
    private final Entity service;
    private final CertificationIqHandler handler;
    private final KeyChangePusher pusher;
    private final StanzaProcessor relayed = new RelayedStanzas();
    private volatile ServerRuntimeContext runtime;

    CertificationModule(String subdomain, Entity service, CertificationIqHandler handler, KeyChangePusher pusher) {
        this.subdomain = Objects.requireNonNull(subdomain, "subdomain");
        this.service = Objects.requireNonNull(service, "service");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.pusher = Objects.requireNonNull(pusher, "pusher");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getVersion() {
        return "1";
    }

    @Override
    public String getSubdomain() {
        return subdomain;
    }

    /** The service's JID, {@code <subdomain>.<domain>}. */
    public Entity service() {
        return service;
    }

    @Override
    public void initialize(ServerRuntimeContext serverRuntimeContext) {
        this.runtime = serverRuntimeContext;
        super.initialize(serverRuntimeContext);
    }

    ServerRuntimeContext runtime() {
        return runtime;
    }

    @Override
    protected void addHandlerDictionaries(List<HandlerDictionary> dictionaries) {
        dictionaries.add(new ServiceIqDictionary());
    }

    @Override
    protected void addComponentInfoRequestListeners(List<ComponentInfoRequestListener> listeners) {
        listeners.add(this);
    }

    @Override
    protected void addItemRequestListeners(List<ItemRequestListener> listeners) {
        listeners.add(this);
    }

    @Override
    public List<InfoElement> getComponentInfosFor(InfoRequest request) {
        if (!addressesService(request.getTo()) || request.getNode() != null) {
            return null;
        }
        return List.of(new Identity("auth", "cert", NAME),
                new Feature(NamespaceURIs.XEP0030_SERVICE_DISCOVERY_INFO),
                new Feature(Namespaces.PUBKEY), new Feature(Namespaces.ATTEST), new Feature(Namespaces.REVOKE),
                new Feature(Namespaces.LEGACY_PUBKEY));
    }

    @Override
    public List<Item> getItemsFor(InfoRequest request) {
        Entity to = request.getTo();
        boolean server = to == null || (!to.isNodeSet() && runtime != null
                && to.getDomain().equals(runtime.getServerEnitity().getDomain()));
        return server && request.getNode() == null ? List.of(new Item(service, NAME)) : null;
    }

    @Override
    public StanzaProcessor getStanzaProcessor() {
        return relayed;
    }

    private boolean addressesService(Entity to) {
        return to != null && !to.isNodeSet() && to.getDomain().equals(service.getDomain());
    }

    /** Claims every IQ addressed to the service (see the class comment). */
    private final class ServiceIqDictionary extends SingleHandlerDictionary {
        ServiceIqDictionary() {
            super(handler);
        }

        @Override
        protected boolean claims(Stanza stanza) {
            return "iq".equals(stanza.getName()) && addressesService(stanza.getTo());
        }
    }

    /** What the relay hands to the component's address. */
    private final class RelayedStanzas implements StanzaProcessor {
        @Override
        public void processStanza(ServerRuntimeContext serverRuntimeContext, SessionContext sessionContext,
                                  Stanza stanza, SessionStateHolder sessionStateHolder) {
            if ("iq".equals(stanza.getName())) {
                handler.executeRelayed(stanza, serverRuntimeContext);
            } else if ("message".equals(stanza.getName()) && "error".equals(stanza.getAttributeValue("type"))
                    && stanza.getFrom() != null && stanza.getFrom().isResourceSet()) {
                pusher.sessionEnded(stanza.getFrom());
            }
        }

        @Override
        public void processTLSEstablished(SessionContext sessionContext, SessionStateHolder sessionStateHolder) {
            throw new UnsupportedOperationException("a component has no stream of its own");
        }
    }
}
