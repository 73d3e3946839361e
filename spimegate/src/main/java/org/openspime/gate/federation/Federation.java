package org.openspime.gate.federation;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.vysper.xmpp.delivery.StanzaRelay;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.config.FederationConfig;
import org.openspime.gate.federation.dialback.DialbackKey;
import org.openspime.gate.federation.inbound.InboundDelivery;
import org.openspime.gate.federation.inbound.InboundHandler;
import org.openspime.gate.federation.inbound.S2sListener;
import org.openspime.gate.federation.outbound.OutboundConnector;
import org.openspime.gate.federation.outbound.PeerLinks;
import org.openspime.gate.federation.peer.PeerResolver;
import org.openspime.gate.federation.trust.PeerTrust;
import org.openspime.gate.federation.trust.PresentedCertificate;
import org.openspime.gate.routing.Bounce;
import org.openspime.gate.tls.GateCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gate's federation: the s2s listener, the outbound links and their connector, the dialback secret and the
 * peer trust, wired to the local relay. {@link #remoteRelay()} is what the local relay hands stanzas for other
 * domains to; inbound stanzas that pass the checks go to the local relay like local ones.
 */
public final class Federation {
    private static final Logger log = LoggerFactory.getLogger(Federation.class);

    /**
     * What federation is built from.
     *
     * @param domain         the gate's domain
     * @param bindAddress    the listener's address
     * @param s2sPort        the listener's port, 0 for any free one
     * @param config         peers, trust, policy, timeouts
     * @param certificate    the gate's TLS identity (presented on both sides)
     * @param maxStanzaBytes stanza size limit on s2s streams
     * @param workerThreads  threads handling s2s events (each stream in order)
     */
    public record Settings(String domain, String bindAddress, int s2sPort, FederationConfig config,
                           GateCertificate certificate, int maxStanzaBytes, int workerThreads) {
    }

    private final Settings settings;
    private final FederationMetrics metrics;
    private final OutboundConnector connector;
    private final PeerLinks links;
    private final S2sListener listener;
    private final InboundHandler inboundHandler;
    private volatile Supplier<StanzaRelay> localRelay;

    public Federation(Settings settings, MeterRegistry meters) {
        this.settings = settings;
        this.metrics = new FederationMetrics(meters);
        FederationConfig config = settings.config();
        PeerTrust trust = new PeerTrust(config.pinnedCertificates(), config.caCertificates());
        DialbackKey keys = new DialbackKey();
        connector = new OutboundConnector(settings.domain(), settings.bindAddress(), new PeerResolver(config.peers(),
                (int) config.connectTimeout().toMillis()), gateKeys(settings.certificate()), trust,
                config.connectTimeout(), config.setupTimeout(), config.idleTimeout(), settings.maxStanzaBytes(),
                settings.workerThreads());
        links = new PeerLinks(settings.domain(), config, connector, keys, this::bounceToSender, metrics);
        listener = new S2sListener(settings.bindAddress(), settings.s2sPort(), config.idleTimeout(),
                settings.maxStanzaBytes(), settings.workerThreads());
        inboundHandler = new InboundHandler(settings.domain(), config, serverContext(settings.certificate()),
                trust, keys, links::verify, new Delivery(), metrics);
    }

    /** The relay the local relay hands stanzas for other domains to. */
    public StanzaRelay remoteRelay() {
        return links;
    }

    /** Starts listening; {@code local} is the gate's local relay (known once the engine has started). */
    public void start(Supplier<StanzaRelay> local) throws IOException {
        this.localRelay = local;
        listener.start(inboundHandler);
        log.info("federation for {} started: s2s on {}:{}, {} static peers, {} pinned certificates, {} CA files",
                settings.domain(), settings.bindAddress(), listener.port(), settings.config().peers().size(),
                settings.config().pinnedCertificates().size(), settings.config().caCertificates().size());
    }

    public int s2sPort() {
        return listener.port();
    }

    public FederationMetrics metrics() {
        return metrics;
    }

    /** Outbound links open or being set up. */
    public int outboundLinks() {
        return links.size();
    }

    public void stop() {
        listener.stop();
        connector.stop();
    }

    private void bounceToSender(Stanza stanza, String condition, String text) {
        if (!Bounce.allowedFor(stanza) || stanza.getFrom() == null) {
            log.info("undeliverable {} from {} to {} ({}: {}); no error answer is allowed for it",
                    stanza.getName(), stanza.getFrom(), stanza.getTo(), condition, text);
            return;
        }
        try {
            localRelay.get().relay(stanza.getFrom(), Bounce.of(stanza, condition, text), null);
        } catch (DeliveryException e) {
            log.info("could not return error to {}: {}", stanza.getFrom(), e.toString());
        }
    }

    private final class Delivery implements InboundDelivery {
        @Override
        public void deliver(Stanza stanza) {
            try {
                localRelay.get().relay(stanza.getTo(), stanza, null);
            } catch (DeliveryException e) {
                bounce(stanza, "service-unavailable", "not delivered");
            }
        }

        @Override
        public void bounce(Stanza stanza, String condition, String text) {
            bounceToSender(stanza, condition, text);
        }
    }

    private static javax.net.ssl.KeyManager[] gateKeys(GateCertificate certificate) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(certificate.keyStore(), certificate.password());
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the gate's key for s2s TLS", e);
        }
    }

    /** The gate's key; an initiator's certificate is taken and judged later (see {@link PresentedCertificate}). */
    private static SSLContext serverContext(GateCertificate certificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(gateKeys(certificate), new javax.net.ssl.TrustManager[] {new PresentedCertificate()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the s2s TLS context", e);
        }
    }
}
