package org.openspime.gate.federation.outbound;

import java.util.concurrent.CompletableFuture;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.openspime.gate.federation.dialback.DialbackOutcome;
import org.openspime.gate.federation.stream.S2sXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving server's check of a dialback key (XEP-0220 2.1.2): a stream of its own to the originating
 * domain's authoritative server, found by discovery and proved by its certificate, carrying one
 * {@code db:verify}; the answer completes {@link #outcome()} and the stream is closed.
 */
final class Verification implements StreamPurpose {
    private static final Logger log = LoggerFactory.getLogger(Verification.class);

    private final String originating;
    private final String streamId;
    private final String key;
    private final CompletableFuture<DialbackOutcome> outcome = new CompletableFuture<>();

    Verification(String originating, String streamId, String key) {
        this.originating = originating;
        this.streamId = streamId;
        this.key = key;
    }

    CompletableFuture<DialbackOutcome> outcome() {
        return outcome;
    }

    @Override
    public void ready(OutboundStream stream) {
        stream.connection().send(S2sXml.dialbackRequest("verify", stream.localDomain(), originating, streamId, key));
    }

    @Override
    public void dialbackAnswer(Stanza answer, OutboundStream stream) {
        if (!"verify".equals(answer.getName()) || !streamId.equals(answer.getAttributeValue("id"))) {
            return;
        }
        String type = answer.getAttributeValue("type");
        stream.established();
        outcome.complete(new DialbackOutcome("valid".equals(type) ? "valid" : "invalid".equals(type) ? "invalid" : "error",
                originating + " answered db:verify with type " + type));
        stream.connection().end();
    }

    @Override
    public void failed(String condition, String reason) {
        log.info("dialback check of {} (stream {}) could not be made: {}", originating, streamId, reason);
        outcome.complete(new DialbackOutcome("error", reason));
    }

    @Override
    public void closed() {
        outcome.complete(new DialbackOutcome("error", "the authoritative server of " + originating
                + " closed the stream without answering"));
    }
}
