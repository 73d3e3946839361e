package org.openspime.scopenode.node;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.certification.CertificationManager;
import org.openspime.client.certification.CertificationUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ScopeNode and the gate's certification service: publishing its own key so that spimes can encrypt to it,
 * and deciding which certification key to trust for the spimes' keys.
 */
final class KeyCertification {

    private static final Logger log = LoggerFactory.getLogger(KeyCertification.class);
    /** Validity asked for a published key; it is published again when less than half of it is left. */
    static final Duration KEY_LIFE = Duration.ofDays(180);

    private KeyCertification() {
    }

    /**
     * Publishes {@code pair}'s public key unless the service already holds it, unrevoked, for at least half of
     * {@link #KEY_LIFE}: a restart publishes nothing, a key close to its end is renewed.
     */
    static void publishIfNeeded(CertificationManager certification, KeyPair pair, Clock clock)
            throws CertificationException, CertificationUnavailableException, InterruptedException {
        Fingerprint fingerprint = Fingerprint.of(pair.getPublic());
        Instant renewFrom = clock.instant().plus(KEY_LIFE.dividedBy(2));
        try {
            KeyList published = certification.query(certification.ownJid(), KeyQuery.Subscription.UNCHANGED);
            boolean current = published.keys().stream().anyMatch(r -> r.pubKey().fingerprint().equals(fingerprint)
                    && !r.isRevoked() && r.pubKey().end().isAfter(renewFrom));
            if (current) {
                log.info("key {} of {} already published", fingerprint, certification.ownJid());
                return;
            }
        } catch (NoKeyPublishedException none) {
            // first start: nothing published yet
        }
        KeyRecord record = certification.publish(pair.getPublic(), KEY_LIFE);
        log.info("published key {} of {} until {}", fingerprint, certification.ownJid(), record.pubKey().end());
    }

    /**
     * Trust anchors naming the gate's certification service with its key. With a pinned fingerprint only that key
     * is trusted; without, the newest unrevoked key the service publishes for itself, as read over the session
     * whose TLS certificate the gate trust already verified (so it is as trustworthy as the gate itself). Other
     * gates' services ({@code otherGates}, e.g. {@code certification.a.example}) are trusted with the key configured
     * for each, for their own domain's identities, and their keys are asked of them across federation.
     */
    static TrustAnchors trustAnchors(CertificationManager certification, String pinnedFingerprint,
                                     Map<String, List<PublicKey>> otherGates, Clock clock)
            throws CertificationException, CertificationUnavailableException, InterruptedException,
            XmppStringprepException {
        Jid service = Jid.of(certification.service().toString());
        KeyList keys = certification.query(service, KeyQuery.Subscription.UNCHANGED);
        Instant now = clock.instant();
        Optional<KeyRecord> chosen;
        if (pinnedFingerprint != null && !pinnedFingerprint.isBlank()) {
            Fingerprint pin = Fingerprint.parse(pinnedFingerprint.trim());
            chosen = keys.keys().stream().filter(r -> r.pubKey().fingerprint().equals(pin)).findFirst();
            if (chosen.isEmpty()) {
                throw new IllegalStateException("the certification service " + service + " does not publish the"
                        + " pinned certification key " + pin);
            }
        } else {
            chosen = keys.keys().stream()
                    .filter(r -> !r.isRevoked() && !now.isBefore(r.pubKey().begin()) && now.isBefore(r.pubKey().end()))
                    .max(Comparator.comparing(r -> r.pubKey().begin()));
            if (chosen.isEmpty()) {
                throw new IllegalStateException("the certification service " + service + " publishes no valid key");
            }
        }
        log.info("trusting certification service {} with key {}", service, chosen.get().pubKey().fingerprint());
        TrustAnchors.Builder anchors = TrustAnchors.builder().trust(service, chosen.get().pubKey().key());
        for (Map.Entry<String, List<PublicKey>> gate : otherGates.entrySet()) {
            Jid other = Jid.of(gate.getKey());
            String domain = other.domain().substring(other.domain().indexOf('.') + 1);
            certification.setServiceFor(domain, JidCreate.domainBareFrom(other.domain()));
            for (PublicKey key : gate.getValue()) {
                anchors.trust(other, key);
                log.info("trusting certification service {} for {} with key {}", other, domain, Fingerprint.of(key));
            }
        }
        return anchors.build();
    }
}
