package org.openspime.client.spime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.client.outbox.OutboxLimits;
import org.openspime.client.reporting.RetryPolicy;
import org.openspime.client.talk.TalkPolicy;

/**
 * How a spime behaves, apart from who it is and where it keeps things.
 *
 * @param anchors              the certification gates whose attestations this spime trusts (keys of ScopeNodes and
 *                             of other spimes are believed only with one of their signatures)
 * @param certificationService the certification service's JID; empty for {@code certification.<gate domain>}
 * @param signed               sign reports (talk is always signed); only scopes that accept unsigned reports allow false
 * @param keyLife              how long a published key is valid
 */
public record SpimeOptions(TrustAnchors anchors, Optional<Jid> certificationService, boolean signed, Duration keyLife,
                           OutboxLimits outboxLimits, RetryPolicy retry, TalkPolicy talk, Duration keyCacheTimeToLive) {

    public SpimeOptions {
        Objects.requireNonNull(anchors, "anchors");
        Objects.requireNonNull(certificationService, "certificationService");
        Objects.requireNonNull(keyLife, "keyLife");
        Objects.requireNonNull(outboxLimits, "outboxLimits");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(keyCacheTimeToLive, "keyCacheTimeToLive");
    }

    /** Signed reports, keys valid a year, default outbox limits, retries and talk windows. */
    public static SpimeOptions trusting(TrustAnchors anchors) {
        return new SpimeOptions(anchors, Optional.empty(), true, Duration.ofDays(365), OutboxLimits.DEFAULT, RetryPolicy.DEFAULT,
                TalkPolicy.DEFAULT, Duration.ofMinutes(30));
    }

    public SpimeOptions withRetry(RetryPolicy other) {
        return new SpimeOptions(anchors, certificationService, signed, keyLife, outboxLimits, other, talk, keyCacheTimeToLive);
    }

    public SpimeOptions withOutboxLimits(OutboxLimits other) {
        return new SpimeOptions(anchors, certificationService, signed, keyLife, other, retry, talk, keyCacheTimeToLive);
    }

    public SpimeOptions unsigned() {
        return new SpimeOptions(anchors, certificationService, false, keyLife, outboxLimits, retry, talk, keyCacheTimeToLive);
    }

    public SpimeOptions withKeyLife(Duration other) {
        return new SpimeOptions(anchors, certificationService, signed, other, outboxLimits, retry, talk, keyCacheTimeToLive);
    }
}
