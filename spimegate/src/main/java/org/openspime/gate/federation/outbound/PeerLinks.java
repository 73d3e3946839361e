package org.openspime.gate.federation.outbound;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.delivery.StanzaRelay;
import org.apache.vysper.xmpp.delivery.failure.DeliveryFailureStrategy;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.config.DomainSettings;
import org.openspime.gate.config.FederationConfig;
import org.openspime.gate.federation.FederationMetrics;
import org.openspime.gate.federation.dialback.DialbackKey;
import org.openspime.gate.federation.dialback.DialbackOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the local relay sends stanzas for other domains: one {@link OutboundLink} per pair of sending local domain
 * (the gate's own, or a component's such as {@code certification.a.example}, each authenticated on its own stream)
 * and peer domain, made on the first stanza and replaced when it ends (a peer that went away is reconnected on the next stanza). Policy is
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
        if (from == null || !DomainSettings.within(from.getDomain(), localDomain)) {
            // a stream proves only the gate's domains; a peer would drop anything else as spoofed
            bounce(stanza, "remote-server-not-found", "only stanzas from " + localDomain
                    + " and its components are federated");
            return;
        }
        String sender = from.getDomain().toLowerCase(Locale.ROOT);
        for (int attempt = 0; attempt < 3; attempt++) {
            OutboundLink link = linkTo(sender, domain);
            if (link.offer(stanza)) {
                return;
            }
            links.remove(key(sender, domain), link);
        }
        bounce(stanza, "remote-server-timeout", "the s2s stream to " + domain + " keeps ending");
    }

    private OutboundLink linkTo(String sender, String domain) {
        String key = key(sender, domain);
        OutboundLink existing = links.get(key);
        if (existing != null) {
            return existing;
        }
        OutboundLink fresh = new OutboundLink(sender, domain, keys, config.saslExternal(), this);
        OutboundLink raced = links.putIfAbsent(key, fresh);
        if (raced != null) {
            return raced;
        }
        log.info("s2s to {}: opening a stream from {}", domain, sender);
        connector.open(sender, domain, fresh);
        return fresh;
    }

    private static String key(String sender, String domain) {
        return sender + ' ' + domain;
    }

    /**
     * Asks {@code originating}'s authoritative server whether {@code key} is its key for the stream on which
     * {@code receiving} (a local domain) was sent it.
     */
    public CompletableFuture<DialbackOutcome> verify(String receiving, String originating, String streamId,
                                                     String key) {
        Verification v = new Verification(originating, streamId, key);
        connector.open(receiving, originating, v);
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
        links.remove(key(link.from(), link.domain()), link);
    }

    @Override
    public void sent() {
        metrics.stanzaOut();
    }
}
