package org.openspime.gate.federation.outbound;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.federation.stream.S2sConnection;
import org.openspime.gate.federation.stream.S2sXml;
import org.openspime.gate.stream.StreamViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initiating side of one s2s stream (RFC 6120 4 and 5): header, STARTTLS (required: a peer that does not
 * offer it is refused), the restarted stream inside TLS, then the {@link StreamPurpose} takes over. Events for
 * one connection arrive one at a time (ordered executor), except the TLS-secured event, which only writes.
 */
final class OutboundStream {
    private static final Logger log = LoggerFactory.getLogger(OutboundStream.class);

    private final String localDomain;
    private final String domain;
    private final StreamPurpose purpose;
    private final ClientTls.Handshake tls;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile S2sConnection connection;
    private volatile String streamId;
    private volatile boolean ready;
    private volatile boolean established;
    /** SASL EXTERNAL: asked, then succeeded (the stream restarted and its next features end the set-up). */
    private volatile boolean saslAsked;
    private volatile boolean saslSucceeded;

    OutboundStream(String localDomain, String domain, StreamPurpose purpose, ClientTls.Handshake tls) {
        this.localDomain = localDomain;
        this.domain = domain;
        this.purpose = purpose;
        this.tls = tls;
    }

    String localDomain() {
        return localDomain;
    }

    String domain() {
        return domain;
    }

    /** The id the receiving server gave the stream inside TLS (the one dialback keys are bound to). */
    String streamId() {
        return streamId;
    }

    S2sConnection connection() {
        return connection;
    }

    /** The purpose got what it opened the stream for (dialback accepted, or the key checked): no set-up timeout. */
    void established() {
        established = true;
    }

    boolean isEstablished() {
        return established;
    }

    void opened(S2sConnection c) {
        connection = c;
        c.send(S2sXml.header(localDomain, domain, null));
    }

    /** The TLS handshake finished (the peer's certificate passed {@link ClientTls}): restart the stream. */
    void secured() {
        log.debug("s2s to {}: TLS established", domain);
        connection.send(S2sXml.header(localDomain, domain, null));
    }

    void received(Object message) {
        if (message instanceof StreamViolation v) {
            connection.fail(v.condition().value(), v.reason());
            fail("remote-server-not-found", domain + " sent a malformed stream: " + v.reason());
            return;
        }
        if (!(message instanceof Stanza s)) {
            // the peer closed its stream
            connection.end();
            finish();
            return;
        }
        String ns = s.getNamespaceURI();
        log.debug("s2s to {}: received {} ({})", domain, s.getName(), ns);
        switch (s.getName()) {
            case "stream" -> streamId = s.getAttributeValue("id");
            case "features" -> features(s);
            case "proceed" -> connection.startTlsAsClient(tls.filter());
            case "success" -> saslSuccess(ns);
            case "failure" -> {
                if (S2sXml.SASL_NS.equals(ns) && saslAsked && !saslSucceeded) {
                    // the peer would not take the certificate: fall back to dialback on the same stream
                    log.info("s2s to {}: SASL EXTERNAL refused; trying dialback", domain);
                    purpose.ready(this);
                    return;
                }
                connection.end();
                fail("remote-server-not-found", domain + " refused STARTTLS");
            }
            case "error" -> {
                String condition = firstChildName(s);
                connection.end();
                fail("remote-server-not-found", domain + " ended the stream with " + condition);
            }
            case "result", "verify" -> {
                if (S2sXml.DIALBACK_NS.equals(ns) && ready) {
                    purpose.dialbackAnswer(s, this);
                } else {
                    log.debug("s2s to {}: unexpected {} ({})", domain, s.getName(), ns);
                }
            }
            default -> log.debug("s2s to {}: ignoring {} on an outbound stream", domain, s.getName());
        }
    }

    private void features(Stanza features) {
        if (!connection.isSecured()) {
            boolean offersTls = features.getInnerElements().stream()
                    .anyMatch(e -> "starttls".equals(e.getName()) && S2sXml.TLS_NS.equals(e.getNamespaceURI()));
            if (!offersTls) {
                connection.fail("policy-violation", "TLS is required");
                fail("remote-server-not-found", domain + " does not offer STARTTLS, and TLS is required");
                return;
            }
            connection.send(S2sXml.startTls());
            return;
        }
        ready = true;
        if (saslSucceeded) {
            purpose.authenticatedByCertificate(this);
        } else if (purpose.wantsSaslExternal() && offersExternal(features)) {
            saslAsked = true;
            connection.send(S2sXml.saslExternal(localDomain));
        } else {
            purpose.ready(this);
        }
    }

    private static boolean offersExternal(Stanza features) {
        return features.getInnerElements().stream()
                .filter(e -> "mechanisms".equals(e.getName()) && S2sXml.SASL_NS.equals(e.getNamespaceURI()))
                .flatMap(e -> e.getInnerElements().stream())
                .anyMatch(m -> "mechanism".equals(m.getName()) && m.getInnerTexts().stream()
                        .anyMatch(t -> "EXTERNAL".equals(t.getText().trim())));
    }

    /** RFC 6120 6.4.6: after success both sides restart the stream (no new TLS). */
    private void saslSuccess(String ns) {
        if (!S2sXml.SASL_NS.equals(ns) || !saslAsked) {
            return;
        }
        saslSucceeded = true;
        connection.restartParser();
        connection.send(S2sXml.header(localDomain, domain, null));
    }

    /** The TLS handshake failed: say why (the certificate's refusal, if that was it). */
    void tlsFailed(String cause) {
        String refusal = tls.trust().refusal();
        String reason = refusal != null ? refusal : "TLS with " + domain + " failed: " + cause;
        if (!ended.get()) {
            log.warn("s2s to {} refused: {}", domain, reason);
        }
        fail("remote-server-not-found", reason);
        connection.io().closeNow();
    }

    /** Ends the set-up with a failure, once; the purpose bounces what it holds. */
    void fail(String condition, String reason) {
        if (ended.compareAndSet(false, true)) {
            purpose.failed(condition, reason);
        }
    }

    /** The connection is gone. */
    void finish() {
        if (!ended.get() && !ready && tls.trust().refusal() != null) {
            log.warn("s2s to {} refused: {}", domain, tls.trust().refusal());
        }
        if (ended.compareAndSet(false, true)) {
            if (ready) {
                purpose.closed();
            } else {
                String refusal = tls.trust().refusal();
                purpose.failed("remote-server-not-found", refusal != null ? refusal
                        : "connection to " + domain + " closed during set-up");
            }
        }
    }

    private static String firstChildName(Stanza s) {
        return s.getInnerElements().stream().map(XMLElement::getName).filter(n -> !"text".equals(n)).findFirst()
                .orElse("an unspecified stream error");
    }
}
