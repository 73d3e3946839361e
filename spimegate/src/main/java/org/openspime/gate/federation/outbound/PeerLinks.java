package org.openspime.gate.federation.outbound;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.delivery.StanzaRelay;
import org.apache.vysper.xmpp.delivery.failure.DeliveryFailureStrategy;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.config.FederationConfig;
import org.openspime.gate.federation.FederationMetrics;
import org.openspime.gate.federation.dialback.DialbackKey;
import org.openspime.gate.federation.dialback.DialbackOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the local relay sends stanzas for other domains: one {@link OutboundLink} per peer domain, made on the
 * first stanza and replaced when it ends (a peer that went away is reconnected on the next stanza). Policy is
 * applied before anything is opened. Also opens the receiving side's dialback checks ({@link #verify}).
 */
public final class PeerLinks implements StanzaRelay, OutboundLink.Owner {
    private static final Logger log = LoggerFactory.getLogger(PeerLinks.class);

    /** Returns an undeliverable stanza to its sender (through the local relay). */
    public interface Bouncer {
        void bounce(Stanza stanza, String condition, String text);
    }

    private final String localDomain;
    private final FederationConfig config;
    private final OutboundConnector connector;
    private final DialbackKey keys;
    private final Bouncer bouncer;
    private final FederationMetrics metrics;
    private final ConcurrentMap<String, OutboundLink> links = new ConcurrentHashMap<>();

    public PeerLinks(String localDomain, FederationConfig config, OutboundConnector connector, DialbackKey keys,
                     Bouncer bouncer, FederationMetrics metrics) {
        this.localDomain = localDomain;
        this.config = config;
        this.connector = connector;
        this.keys = keys;
        this.bouncer = bouncer;
        this.metrics = metrics;
        metrics.linksOpen(links::size);
    }

    @Override
    public void relay(Entity receiver, Stanza stanza, DeliveryFailureStrategy failureStrategy) {
        String domain = receiver.getDomain().toLowerCase(Locale.ROOT);
        if (!config.permits(domain)) {
            log.info("not federating with {} (policy); returning {} to {}", domain, stanza.getName(),
                    stanza.getFrom());
            bounce(stanza, "remote-server-not-found", "this gate does not federate with " + domain);
            return;
        }
        Entity from = stanza.getFrom();
        if (from == null || !localDomain.equalsIgnoreCase(from.getDomain())) {
            // a link is authenticated for the gate's own domain only; a peer would drop anything else as spoofed
            bounce(stanza, "remote-server-not-found", "only stanzas from " + localDomain + " are federated");
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            OutboundLink link = linkTo(domain);
            if (link.offer(stanza)) {
                return;
            }
            links.remove(domain, link);
        }
        bounce(stanza, "remote-server-timeout", "the s2s stream to " + domain + " keeps ending");
    }

    private OutboundLink linkTo(String domain) {
        OutboundLink existing = links.get(domain);
        if (existing != null) {
            return existing;
        }
        OutboundLink fresh = new OutboundLink(domain, keys, config.saslExternal(), this);
        OutboundLink raced = links.putIfAbsent(domain, fresh);
        if (raced != null) {
            return raced;
        }
        log.info("s2s to {}: opening a stream", domain);
        connector.open(domain, fresh);
        return fresh;
    }

    /** Asks {@code originating}'s authoritative server whether {@code key} is its key for the stream. */
    public CompletableFuture<DialbackOutcome> verify(String originating, String streamId, String key) {
        Verification v = new Verification(originating, streamId, key);
        connector.open(originating, v);
        return v.outcome();
    }

    /** Outbound links open or being set up. */
    public int size() {
        return links.size();
    }

    @Override
    public void bounce(Stanza stanza, String condition, String reason) {
        metrics.bounced(condition);
        bouncer.bounce(stanza, condition, reason);
    }

    @Override
    public void ended(OutboundLink link) {
        links.remove(link.domain(), link);
    }

    @Override
    public void sent() {
        metrics.stanzaOut();
    }
}
