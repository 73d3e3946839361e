package org.openspime.gate.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.vysper.storage.StorageProviderRegistry;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.SASLMechanism;
import org.apache.vysper.xmpp.modules.core.base.BaseStreamStanzaDictionary;
import org.apache.vysper.xmpp.modules.core.session.SessionStanzaDictionary;
import org.apache.vysper.xmpp.modules.core.starttls.StartTLSStanzaDictionary;
import org.apache.vysper.xmpp.modules.extension.xep0092_software_version.SoftwareVersionModule;
import org.apache.vysper.xmpp.modules.extension.xep0119_xmppping.XmppPingModule;
import org.apache.vysper.xmpp.modules.extension.xep0202_entity_time.EntityTimeModule;
import org.apache.vysper.xmpp.modules.roster.RosterModule;
import org.apache.vysper.xmpp.modules.servicediscovery.ServiceDiscoveryModule;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.StreamErrorCondition;
import org.apache.vysper.xmpp.server.ServerFeatures;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.server.response.ServerErrorResponses;
import org.openspime.gate.binding.BindDictionary;
import org.openspime.gate.binding.BindPolicy;
import org.openspime.gate.binding.RequestedResourceBindHandler;
import org.openspime.gate.endpoint.ClientEndpoint;
import org.openspime.gate.metrics.GateMetrics;
import org.openspime.gate.routing.DirectIqDictionary;
import org.openspime.gate.routing.DirectIqHandler;
import org.openspime.gate.routing.LocalRelay;
import org.openspime.gate.routing.ResultSinkDictionary;
import org.openspime.gate.presence.SubscriptionDictionary;
import org.openspime.gate.session.GateIoHandler;
import org.openspime.gate.session.GateSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XMPP server of a gate, assembled from Vysper parts and the gate's own: what {@code XMPPServer.start()}
 * would do, minus its unordered queues, its UUID-only resource binding, its roster-gated IQ routing, its shared
 * charset codec and its fixed endpoint.
 *
 * <p>Dictionary order matters: Vysper asks each dictionary in turn, so the direct IQ routing comes first, then
 * the sink for IQ results sent to the server, the subscription presence handler, then the stream, TLS, SASL, bind and session dictionaries; legacy {@code jabber:iq:auth} is left out because it
 * would bypass SASL and the TLS requirement.
 */
public final class XmppEngine {
    private static final Logger log = LoggerFactory.getLogger(XmppEngine.class);

    private final Settings settings;
    private final GateResourceRegistry registry = new GateResourceRegistry();
    private GateRuntimeContext runtime;
    private volatile ClientEndpoint endpoint;
    private org.apache.vysper.xmpp.delivery.StanzaRelay remoteRelay;

    /**
     * What the engine is built from.
     *
     * @param domain              the gate's domain
     * @param bindAddress         listen address
     * @param c2sPort             client port, 0 for any free one
     * @param listenBacklog       accept queue length
     * @param maxStanzaBytes      stanza size limit
     * @param maxStanzasPerSecond per-connection flood limit, 0 for none
     * @param workerThreads       threads processing stanzas (each connection in order)
     * @param sslContext          the gate's TLS identity
     * @param tlsProtocols        TLS protocol versions offered on client connections
     * @param storage             Vysper storage providers (accounts, rosters, ...)
     * @param saslMechanisms      mechanisms to advertise
     * @param saslDictionary      handles {@code auth}/{@code response}/{@code abort}
     * @param bindPolicy          which resources an account may bind
     * @param metrics             where to count
     */
    public record Settings(String domain, String bindAddress, int c2sPort, int listenBacklog, int maxStanzaBytes,
                           int maxStanzasPerSecond, int workerThreads, SSLContext sslContext, String[] tlsProtocols,
                           StorageProviderRegistry storage, List<SASLMechanism> saslMechanisms,
                           HandlerDictionary saslDictionary, BindPolicy bindPolicy, GateMetrics metrics) {
    }

    public XmppEngine(Settings settings) {
        this.settings = settings;
    }

    /** Stanzas for other domains go to {@code remote} (federation); without it they bounce. Call before start. */
    public synchronized void federateThrough(org.apache.vysper.xmpp.delivery.StanzaRelay remote) {
        this.remoteRelay = remote;
    }

    public synchronized void start() throws IOException {
        Entity server = EntityImpl.parseUnchecked(settings.domain());
        LocalRelay relay = new LocalRelay(server, registry, remoteRelay, settings.metrics());

        ServerFeatures features = new ServerFeatures();
        features.setStartTLSRequired(true);
        features.setAuthenticationMethods(settings.saslMechanisms());

        RequestedResourceBindHandler bind = new RequestedResourceBindHandler(registry, settings.bindPolicy(),
                this::endReplacedSession, jid -> settings.metrics().loginSucceeded());
        List<HandlerDictionary> dictionaries = new ArrayList<>();
        dictionaries.add(new DirectIqDictionary(new DirectIqHandler(), server));
        dictionaries.add(new ResultSinkDictionary(server));
        dictionaries.add(new SubscriptionDictionary());
        dictionaries.add(new BaseStreamStanzaDictionary());
        dictionaries.add(new StartTLSStanzaDictionary());
        dictionaries.add(settings.saslDictionary());
        dictionaries.add(new BindDictionary(bind));
        dictionaries.add(new SessionStanzaDictionary());

        runtime = new GateRuntimeContext(server, relay, features, dictionaries, registry,
                new SynchronousStanzaProcessor());
        runtime.setStorageProviderRegistry(settings.storage());
        runtime.setTlsContextFactory(settings::sslContext);
        relay.setServerRuntimeContext(runtime);
        runtime.addModule(new ServiceDiscoveryModule());
        runtime.addModule(new RosterModule());
        runtime.addModule(new XmppPingModule());
        runtime.addModule(new SoftwareVersionModule());
        runtime.addModule(new EntityTimeModule());
        settings.metrics().boundEntities(registry::boundCount);

        GateSession.TlsPolicy tls = new GateSession.TlsPolicy(settings.sslContext(), settings.tlsProtocols());
        endpoint = new ClientEndpoint(settings.bindAddress(), settings.c2sPort(), settings.listenBacklog(),
                settings.maxStanzaBytes(), settings.workerThreads());
        endpoint.start(new GateIoHandler(runtime, tls, settings.metrics(), settings.maxStanzasPerSecond()));
        log.info("XMPP engine for {} started", settings.domain());
    }

    private void endReplacedSession(SessionContext previous) {
        if (previous instanceof GateSession gs) {
            gs.failStream(ServerErrorResponses.getStreamError(StreamErrorCondition.CONFLICT, gs.getXMLLang(),
                    "replaced by a new connection for the same full JID", null));
        } else {
            previous.endSession(SessionContext.SessionTerminationCause.STREAM_ERROR);
        }
    }

    /** Ends every live session of an account (disabled or deleted identities), with a stream error. */
    public void disconnect(Entity jid, String reason) {
        List<SessionContext> sessions = jid.isResourceSet()
                ? java.util.Optional.ofNullable(registry.sessionOf(jid)).map(List::of).orElse(List.of())
                : registry.sessionsOf(jid);
        for (SessionContext s : sessions) {
            if (s instanceof GateSession gs) {
                log.info("ending session of {}: {}", jid, reason);
                gs.failStream(ServerErrorResponses.getStreamError(StreamErrorCondition.POLICY_VIOLATION,
                        gs.getXMLLang(), reason, null));
            }
        }
    }

    /** Whether the c2s listener is bound and accepting; false before {@link #start} and after {@link #stop}. */
    public boolean listening() {
        ClientEndpoint e = endpoint;
        return e != null && e.isBound();
    }

    public int c2sPort() {
        return endpoint.port();
    }

    public GateResourceRegistry registry() {
        return registry;
    }

    public GateRuntimeContext runtime() {
        return runtime;
    }

    public synchronized void stop() {
        if (endpoint != null) {
            endpoint.stop();
            endpoint = null;
        }
    }
}
