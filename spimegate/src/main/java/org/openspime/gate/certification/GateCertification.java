package org.openspime.gate.certification;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.attestation.Attestor;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.service.CertificationService;
import org.openspime.certification.service.KeySubscriptions;
import org.openspime.certification.service.PublishedKeyStore;
import org.openspime.gate.engine.XmppEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certification service of a running gate, assembled and plugged into its XMPP engine.
 *
 * <p>{@link #install} loads (or makes) the gate's certification key, builds the {@link CertificationService} on
 * the given store, adds the {@link CertificationModule} (Vysper accepts modules only after the engine started),
 * drops a session's subscriptions when its binding ends, and publishes the gate's own public key through the
 * service like any other key, attested by itself; verifiers trust it because it is in their configured trust
 * anchors, not because of that self-attestation. The own key is renewed when half its validity is used up, so
 * a gate running longer than the maximum key life keeps a current record.
 */
public final class GateCertification implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GateCertification.class);

    private final Jid jid;
    private final CertificationKey key;
    private final CertificationService service;
    private final KeySubscriptions subscriptions;
    private final CertificationSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService renewal;
    private volatile KeyRecord ownRecord;

    private GateCertification(Jid jid, CertificationKey key, CertificationService service, KeySubscriptions subscriptions,
                              CertificationSettings settings, Clock clock) {
        this.jid = jid;
        this.key = key;
        this.service = service;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "certification-own-key-renewal");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the certification service on a started engine.
     *
     * @throws IOException if the gate's certification key cannot be read or written
     */
    public static GateCertification install(XmppEngine engine, PublishedKeyStore store, CertificationSettings settings,
                                            Clock clock, CertificationMeters meters) throws IOException {
        Objects.requireNonNull(engine.runtime(), "the engine must be started before certification is installed");
        String domain = engine.runtime().getServerEnitity().getDomain();
        Jid jid = Jid.of(settings.subdomain() + "." + domain);
        Entity entity = EntityImpl.parseUnchecked(jid.toString());
        CertificationKey key = GateCertificationKey.loadOrCreate(settings.keyDirectory(), jid);
        CertificationService service = new CertificationService(store, new Attestor(key), settings.policy(), clock);
        KeySubscriptions subscriptions = new KeySubscriptions();

        CertificationModule[] module = new CertificationModule[1];
        KeyChangePusher pusher = new KeyChangePusher(entity, subscriptions, () -> module[0].runtime().getStanzaRelay());
        CertificationIqHandler handler = new CertificationIqHandler(entity, new CertificationRequests(service, subscriptions,
                new AttestationVerifier(anchorsFor(jid, key)), meters));
        module[0] = new CertificationModule(settings.subdomain(), entity, handler, pusher);
        service.addListener(pusher);
        service.addListener(meters);
        engine.registry().addUnboundListener(pusher::sessionEnded);
        engine.runtime().addModule(module[0]);

        GateCertification certification = new GateCertification(jid, key, service, subscriptions, settings, clock);
        certification.publishOwnKey();
        certification.scheduleRenewal();
        log.info("certification: service {} ready, signing with key {}, maximum key life {}", jid, key.fingerprint(),
                settings.policy().maxKeyLife());
        return certification;
    }

    private void publishOwnKey() {
        Instant now = Timestamps.canonical(clock.instant());
        try {
            ownRecord = service.publish(jid, new PubKey(jid, key.publicKey(), now, now.plus(settings.policy().maxKeyLife())));
        } catch (CertificationException e) {
            throw new IllegalStateException("the gate could not publish its own certification key: " + e.getMessage(), e);
        }
    }

    private void scheduleRenewal() {
        long period = Math.max(1, Math.min(settings.policy().maxKeyLife().dividedBy(4).toSeconds(), Duration.ofHours(1).toSeconds()));
        renewal.scheduleAtFixedRate(this::renewOwnKeyIfDue, period, period, TimeUnit.SECONDS);
    }

    /** Re-publishes the gate's own key once half of its validity has passed. */
    void renewOwnKeyIfDue() {
        try {
            KeyRecord record = ownRecord;
            Instant half = record.pubKey().begin().plus(Duration.between(record.pubKey().begin(), record.pubKey().end()).dividedBy(2));
            if (!clock.instant().isBefore(half)) {
                publishOwnKey();
                log.info("certification: renewed the gate's own key until {}", Timestamps.format(ownRecord.pubKey().end()));
            }
        } catch (RuntimeException e) {
            log.error("certification: renewing the gate's own key failed; will retry", e);
        }
    }

    /** The service's JID, {@code certification.<domain>} by default. */
    public Jid jid() {
        return jid;
    }

    public CertificationService service() {
        return service;
    }

    public KeySubscriptions subscriptions() {
        return subscriptions;
    }

    /** The gate's certification key (public half and fingerprint; the private key stays inside). */
    public CertificationKey key() {
        return key;
    }

    /** The record of the gate's own key as last published. */
    public KeyRecord ownKeyRecord() {
        return ownRecord;
    }

    /** Trust anchors naming this gate alone, what a verifier configured for this gate would hold. */
    public TrustAnchors trustAnchors() {
        return anchorsFor(jid, key);
    }

    private static TrustAnchors anchorsFor(Jid jid, CertificationKey key) {
        try {
            return TrustAnchors.builder().trust(jid, key.publicKey()).build();
        } catch (CertificationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        renewal.shutdownNow();
    }
}
