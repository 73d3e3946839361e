package org.openspime.gate.federation.inbound;

import java.io.IOException;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.config.FederationConfig;
import org.openspime.gate.federation.FederationMetrics;
import org.openspime.gate.federation.dialback.DialbackKey;
import org.openspime.gate.federation.stream.S2sConnection;
import org.openspime.gate.federation.stream.S2sXml;
import org.openspime.gate.federation.trust.PeerTrust;
import org.openspime.gate.stream.StreamClosed;
import org.openspime.gate.stream.StreamViolation;
import org.openspime.gate.tls.ServerTlsFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of s2s streams (RFC 6120, XEP-0220): STARTTLS first (nothing else is accepted before TLS),
 * then dialback in both of its roles (a peer proving its domain with {@code db:result}, checked by a stream of
 * our own to that domain; and a peer asking us, as authoritative server, about a key we made, with
 * {@code db:verify}), then stanzas: accepted only from a domain authenticated on this stream, to a local
 * domain, within the peer's rate; anything else is dropped, logged and counted.
 */
public final class InboundHandler extends IoHandlerAdapter {

    /**
     * TLS 1.2 only, as on client connections. Under TLS 1.3 the initiator sends its first application data (the
     * restarted stream header) right behind its last handshake flight, and MINA 2.2.4's TLS filter mishandled
     * that: with a client certificate asked for, every stream stalled after STARTTLS (the header never reached
     * the handler); without, one handshake in a few hundred failed with "Tag mismatch" / {@code bad_record_mac}
     * (ReconnectTest). Under TLS 1.2 the receiving side sends the last handshake message. The initiator's
     * certificate is asked for but not required: it is judged after the handshake, for SASL EXTERNAL; without it,
     * dialback.
     */
    static final String[] TLS_PROTOCOLS = {"TLSv1.2"};
    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);
    private static final String STREAM = InboundStream.class.getName();

    private final String localDomain;
    private final FederationConfig config;
    private final SSLContext serverTls;
    private final PeerTrust trust;
    private final DialbackKey keys;
    private final DialbackChecker checker;
    private final InboundDelivery delivery;
    private final FederationMetrics metrics;
    private final PeerRateLimit rate;
    /** At most a few log lines per peer while it is over its rate. */
    private final PeerRateLimit rateWarnings;

    public InboundHandler(String localDomain, FederationConfig config, SSLContext serverTls, PeerTrust trust,
                          DialbackKey keys, DialbackChecker checker, InboundDelivery delivery,
                          FederationMetrics metrics) {
        this.localDomain = localDomain.toLowerCase(Locale.ROOT);
        this.trust = trust;
        this.config = config;
        this.serverTls = serverTls;
        this.keys = keys;
        this.checker = checker;
        this.delivery = delivery;
        this.metrics = metrics;
        this.rate = new PeerRateLimit(config.peerStanzasPerSecond());
        this.rateWarnings = new PeerRateLimit(1);
    }

    @Override
    public void sessionCreated(IoSession io) {
        io.setAttribute(STREAM, new InboundStream(new S2sConnection(io)));
    }

    @Override
    public void messageReceived(IoSession io, Object message) {
        InboundStream stream = (InboundStream) io.getAttribute(STREAM);
        S2sConnection c = stream.connection();
        if (c.isClosing()) {
            return;
        }
        if (message instanceof StreamViolation v) {
            log.info("s2s from {} ({}): {} ({})", stream.claimedDomain(), c.remote(), v.condition().value(),
                    v.reason());
            c.fail(v.condition().value(), v.reason());
        } else if (message == StreamClosed.INSTANCE) {
            c.end();
        } else if (message instanceof Stanza s) {
            element(stream, s);
        }
    }

    private void element(InboundStream stream, Stanza s) {
        S2sConnection c = stream.connection();
        String name = s.getName();
        String ns = s.getNamespaceURI();
        log.debug("s2s from {}: received {} ({})", stream.claimedDomain(), name, ns);
        if ("stream".equals(name) && S2sXml.STREAMS_NS.equals(ns)) {
            header(stream, s);
        } else if (!c.isSecured()) {
            if ("starttls".equals(name) && S2sXml.TLS_NS.equals(ns)) {
                c.proceedWithTls(new ServerTlsFilter(serverTls, TLS_PROTOCOLS, config.saslExternal()));
            } else {
                log.info("s2s from {} ({}): {} before STARTTLS; refusing", stream.claimedDomain(), c.remote(), name);
                c.fail("policy-violation", "STARTTLS is required before anything else");
            }
        } else if (S2sXml.SASL_NS.equals(ns) && "auth".equals(name)) {
            saslExternal(stream, s);
        } else if (S2sXml.DIALBACK_NS.equals(ns) && "result".equals(name) && s.getAttributeValue("type") == null) {
            dialbackResult(stream, s);
        } else if (S2sXml.DIALBACK_NS.equals(ns) && "verify".equals(name) && s.getAttributeValue("type") == null) {
            dialbackVerify(stream, s);
        } else if (("message".equals(name) || "iq".equals(name) || "presence".equals(name))
                && S2sXml.SERVER_NS.equals(ns)) {
            stanza(stream, s);
        } else {
            log.info("s2s from {} ({}): unsupported element {} ({}); ending the stream", stream.claimedDomain(),
                    c.remote(), name, ns);
            c.fail("unsupported-stanza-type", "unsupported element " + name);
        }
    }

    private void header(InboundStream stream, Stanza header) {
        S2sConnection c = stream.connection();
        String to = lower(header.getAttributeValue("to"));
        String from = lower(header.getAttributeValue("from"));
        String id = stream.restart(from);
        String served = to != null && isLocal(to) ? to : localDomain;
        stream.servedDomain(served);
        c.send(S2sXml.header(served, from, id));
        if (!S2sXml.SERVER_NS.equals(header.getAttributeValue("xmlns"))) {
            c.fail("invalid-namespace", "an s2s stream is in jabber:server");
        } else if (to != null && !isLocal(to)) {
            log.info("s2s from {} ({}): stream to {}, which this gate does not serve", from, c.remote(), to);
            c.fail("host-unknown", to + " is not served here");
        } else if (from != null && !config.permits(from)) {
            log.warn("s2s from {} ({}) refused: domain not permitted by policy", from, c.remote());
            metrics.refused("policy");
            c.fail("policy-violation", "this gate does not federate with " + from);
        } else if (!c.isSecured()) {
            c.send(S2sXml.featuresBeforeTls());
        } else if (stream.isSaslDone()) {
            c.send(S2sXml.featuresAuthenticated());
        } else {
            boolean external = config.saslExternal() && from != null && certificateProves(c, from);
            stream.certifiedDomain(external ? from : null);
            c.send(S2sXml.featuresAfterTls(external));
        }
    }

    /** Whether the certificate the peer presented in the TLS handshake proves {@code domain} (pin or CA). */
    private boolean certificateProves(S2sConnection c, String domain) {
        Object secured = c.io().getAttribute(org.apache.mina.filter.ssl.SslFilter.SSL_SECURED);
        if (!(secured instanceof javax.net.ssl.SSLSession session)) {
            return false;
        }
        try {
            java.security.cert.Certificate[] presented = session.getPeerCertificates();
            java.security.cert.X509Certificate[] chain = new java.security.cert.X509Certificate[presented.length];
            for (int i = 0; i < presented.length; i++) {
                chain[i] = (java.security.cert.X509Certificate) presented[i];
            }
            trust.check(domain, chain);
            return true;
        } catch (javax.net.ssl.SSLPeerUnverifiedException noCertificate) {
            return false;
        } catch (PeerTrust.Untrusted e) {
            log.debug("s2s from {}: no SASL EXTERNAL: {}", domain, e.getMessage());
            return false;
        }
    }

    /**
     * XEP-0178: the peer asks to be its domain by the certificate it presented. Accepted only for the domain its
     * certificate was found to prove when the features were sent; then the stream restarts (RFC 6120 6.4.6).
     */
    private void saslExternal(InboundStream stream, Stanza auth) {
        S2sConnection c = stream.connection();
        String certified = stream.certifiedDomain();
        String text = S2sXml.text(auth);
        String authzid = certified;
        if (text != null && !"=".equals(text)) {
            try {
                authzid = lower(new String(java.util.Base64.getDecoder().decode(text),
                        java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                c.send(S2sXml.saslFailure("incorrect-encoding"));
                return;
            }
        }
        if (certified == null || stream.isSaslDone() || !"EXTERNAL".equals(auth.getAttributeValue("mechanism"))
                || !certified.equals(authzid)) {
            metrics.dialback("sasl_external_refused");
            log.info("s2s from {} ({}): SASL EXTERNAL as {} refused", stream.claimedDomain(), c.remote(), authzid);
            c.send(S2sXml.saslFailure("not-authorized"));
            return;
        }
        stream.saslDone();
        stream.authenticated(certified);
        metrics.dialback("sasl_external_valid");
        log.info("s2s from {} ({}): SASL EXTERNAL with a trusted certificate; accepting stanzas from {}", certified,
                c.remote(), certified);
        c.restartParser();
        c.send(S2sXml.saslSuccess());
    }

    /** XEP-0220 2.1.2: the originating server sent a key; ask its authoritative server, answer on this stream. */
    private void dialbackResult(InboundStream stream, Stanza request) {
        S2sConnection c = stream.connection();
        String from = lower(request.getAttributeValue("from"));
        String to = lower(request.getAttributeValue("to"));
        String key = S2sXml.text(request);
        if (from == null || to == null || key == null) {
            c.fail("invalid-from", "db:result needs from, to and a key");
            return;
        }
        if (!isLocal(to)) {
            c.send(S2sXml.dialbackAnswer("result", to, from, null, "error", "item-not-found"));
            return;
        }
        if (!config.permits(from)) {
            log.warn("s2s from {} ({}) refused: domain not permitted by policy", from, c.remote());
            metrics.refused("policy");
            metrics.dialback("refused_policy");
            c.send(S2sXml.dialbackAnswer("result", to, from, null, "error", "policy-violation"));
            c.end();
            return;
        }
        String streamId = stream.streamId();
        checker.check(to, from, streamId, key).whenComplete((outcome, failure) -> {
            if (c.isClosing()) {
                return;
            }
            if (failure == null && outcome.valid()) {
                stream.authenticated(from);
                metrics.dialback("received_valid");
                log.info("s2s from {} ({}): dialback valid; accepting stanzas from {}", from, c.remote(), from);
                c.send(S2sXml.dialbackAnswer("result", to, from, null, "valid", null));
            } else {
                String reason = failure != null ? failure.toString() : outcome.reason();
                String type = failure == null && "invalid".equals(outcome.type()) ? "invalid" : "error";
                metrics.dialback("received_" + type);
                log.warn("s2s from {} ({}) refused: dialback {}: {}", from, c.remote(), type, reason);
                c.send(S2sXml.dialbackAnswer("result", to, from, null, type,
                        "error".equals(type) ? "remote-connection-failed" : null));
                c.end();
            }
        });
    }

    /** XEP-0220 2.3: as authoritative server, say whether this gate made the key. */
    private void dialbackVerify(InboundStream stream, Stanza request) {
        S2sConnection c = stream.connection();
        String receiving = lower(request.getAttributeValue("from"));
        String originating = lower(request.getAttributeValue("to"));
        String id = request.getAttributeValue("id");
        String key = S2sXml.text(request);
        if (receiving == null || originating == null || id == null) {
            c.fail("invalid-from", "db:verify needs from, to and id");
            return;
        }
        if (!isLocal(originating)) {
            c.send(S2sXml.dialbackAnswer("verify", originating, receiving, id, "error", "item-not-found"));
            return;
        }
        boolean valid = keys.verify(receiving, originating, id, key);
        metrics.dialback(valid ? "verified_valid" : "verified_invalid");
        log.info("s2s: {} asked about a key for stream {}: {}", receiving, id, valid ? "valid" : "invalid");
        c.send(S2sXml.dialbackAnswer("verify", originating, receiving, id, valid ? "valid" : "invalid", null));
    }

    private void stanza(InboundStream stream, Stanza s) {
        S2sConnection c = stream.connection();
        Entity from = s.getFrom();
        Entity to = s.getTo();
        if (from == null || !stream.isAuthenticated(lower(from.getDomain()))) {
            metrics.refused(stream.anyAuthenticated() ? "spoofed_from" : "unauthenticated");
            log.warn("s2s from {} ({}): dropped {} from {} to {}: that domain is not authenticated on this stream",
                    stream.claimedDomain(), c.remote(), s.getName(), from, to);
            return;
        }
        if (to == null || !isLocal(lower(to.getDomain()))) {
            metrics.refused("foreign_to");
            log.warn("s2s from {} ({}): dropped {} to {}: not a local domain", from.getDomain(), c.remote(),
                    s.getName(), to);
            return;
        }
        if (!rate.tryAcquire(lower(from.getDomain()))) {
            metrics.refused("rate");
            if (rateWarnings.tryAcquire(lower(from.getDomain()))) {
                log.warn("s2s from {}: more than {} stanzas/s; refusing the excess with resource-constraint",
                        from.getDomain(), config.peerStanzasPerSecond());
            }
            delivery.bounce(S2sXml.inbound(s), "resource-constraint", "peer stanza rate limit exceeded");
            return;
        }
        metrics.stanzaIn();
        delivery.deliver(S2sXml.inbound(s));
    }

    private boolean isLocal(String domain) {
        return domain.equals(localDomain) || domain.endsWith("." + localDomain);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    @Override
    public void sessionIdle(IoSession io, IdleStatus status) {
        InboundStream stream = (InboundStream) io.getAttribute(STREAM);
        log.info("s2s from {} ({}): idle, closing the stream", stream.claimedDomain(), stream.connection().remote());
        stream.connection().end();
    }

    @Override
    public void exceptionCaught(IoSession io, Throwable cause) {
        InboundStream stream = (InboundStream) io.getAttribute(STREAM);
        String who = stream == null ? "?" : stream.claimedDomain();
        if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
            log.info("s2s from {} ({}): TLS failed: {}", who, io.getRemoteAddress(), cause.getMessage());
        } else if (cause instanceof IOException) {
            log.debug("s2s from {}: {}", who, cause.toString());
        } else {
            log.warn("s2s from {} ({}): unexpected error", who, io.getRemoteAddress(), cause);
        }
        io.closeNow();
    }
}
