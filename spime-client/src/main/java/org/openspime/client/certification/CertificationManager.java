package org.openspime.client.certification;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.MalformedElementException;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.StanzaError;
import org.openspime.certification.attestation.AttestationVerifier;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.client.KeyFetcher;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.certification.element.KeyList;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.LegacyKeyList;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.RevocationRequest;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.certification.element.CodecIQ;
import org.openspime.client.certification.element.KeyChangeNotification;
import org.openspime.client.certification.element.LegacyPubKeysIQ;
import org.openspime.client.certification.element.PubKeyIQ;
import org.openspime.client.certification.element.PubKeysIQ;
import org.openspime.client.certification.element.RevokeIQ;
import org.openspime.client.certification.provider.CertificationProviders;

/**
 * An entity's certification service client, one per connection.
 *
 * <p>The service is {@code certification.<the connection's domain>} unless set with {@link #setService} or found
 * with {@link #discoverService()}. Refusals come back as {@link CertificationException}s carrying the service's
 * stanza error and text ({@link NoKeyPublishedException} for item-not-found, {@link CertificationRefusedException}
 * otherwise); a service that cannot be reached is a {@link CertificationUnavailableException}.
 *
 * <p>{@link #fetch} subscribes to the JID's changes while it fetches, so a {@link KeyVerifier} made by
 * {@link #newVerifier} (or {@link #attach attached}) is told to forget a JID as soon as the service pushes a change
 * of it. Subscriptions live as long as the session: after a reconnection that did not resume it, every attached
 * verifier is cleared, and the next fetch subscribes again.
 */
public final class CertificationManager extends Manager implements KeyFetcher {

    private static final Map<XMPPConnection, CertificationManager> INSTANCES = new WeakHashMap<>();

    private final List<KeyVerifier> verifiers = new CopyOnWriteArrayList<>();
    private final List<Consumer<KeyChangeNotification>> listeners = new CopyOnWriteArrayList<>();
    private volatile org.jxmpp.jid.Jid service;
    /** Certification services of other gates, by the domain they speak for (configured or by convention). */
    private final Map<String, org.jxmpp.jid.Jid> remoteServices = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every service a key query went to: their "forget everything" notices are listened to. */
    private final java.util.Set<org.jxmpp.jid.Jid> askedServices = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Clock clock = Clock.systemUTC();

    public static synchronized CertificationManager getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, CertificationManager::new);
    }

    private CertificationManager(XMPPConnection connection) {
        super(connection);
        CertificationProviders.register();
        connection.addAsyncStanzaListener(this::onNotification, new AndFilter(MessageTypeFilter.HEADLINE,
                new StanzaExtensionFilter(KeyChangeNotification.ELEMENT, KeyChangeNotification.NAMESPACE)));
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (!resumed) {
                    verifiers.forEach(KeyVerifier::clear); // the subscriptions ended with the old session
                }
            }
        });
    }

    /** The certification service's JID. */
    public org.jxmpp.jid.Jid service() {
        org.jxmpp.jid.Jid s = service;
        if (s == null) {
            try {
                s = JidCreate.domainBareFrom("certification." + connection().getXMPPServiceDomain());
            } catch (XmppStringprepException e) {
                throw new IllegalStateException(e);
            }
        }
        return s;
    }

    public void setService(org.jxmpp.jid.Jid service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * The certification service that answers for {@code jid} (an identity, or a gate's component such as the
     * service itself, which counts as its gate's domain): this gate's own for its domain, else the other gate's
     * (across federation) — the one set with {@link #setServiceFor}, or by the gates' convention
     * {@code certification.<domain>}.
     */
    public org.jxmpp.jid.Jid serviceFor(Jid jid) {
        String domain = jid.domain().toLowerCase(java.util.Locale.ROOT);
        if (jid.local().isEmpty() && domain.indexOf('.') > 0) {
            domain = domain.substring(domain.indexOf('.') + 1); // a gate's component speaks for its gate's domain
        }
        if (domain.equalsIgnoreCase(connection().getXMPPServiceDomain().toString())) {
            return service();
        }
        org.jxmpp.jid.Jid configured = remoteServices.get(domain);
        if (configured != null) {
            return configured;
        }
        try {
            return JidCreate.domainBareFrom("certification." + domain);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("no certification service name for " + jid, e);
        }
    }

    /** Names the certification service of another gate's {@code domain} (its identities' keys are asked there). */
    public void setServiceFor(String domain, org.jxmpp.jid.Jid service) {
        remoteServices.put(domain.toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(service, "service"));
    }

    /** The clock validity periods are computed from (settable for tests). */
    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Asks the gate (disco#items, then each item's disco#info) for a service with the {@code urn:xmpp:pubkey:2}
     * feature, and uses the first one found.
     */
    public org.jxmpp.jid.Jid discoverService() throws CertificationUnavailableException, InterruptedException {
        try {
            List<DomainBareJid> found = ServiceDiscoveryManager.getInstanceFor(connection())
                    .findServices(Namespaces.PUBKEY, true, false);
            if (found.isEmpty()) {
                throw new CertificationUnavailableException(connection().getXMPPServiceDomain()
                        + " advertises no certification service (" + Namespaces.PUBKEY + ")", null);
            }
            setService(found.get(0));
            return found.get(0);
        } catch (SmackException.NoResponseException | SmackException.NotConnectedException
                 | XMPPException.XMPPErrorException e) {
            throw new CertificationUnavailableException("service discovery failed: " + e.getMessage(), e);
        }
    }

    /** This connection's full JID, as an OSID. */
    public Jid ownJid() {
        return Jid.of(String.valueOf(connection().getUser()));
    }

    /** Publishes a key for this connection's full JID, valid from now for {@code life}. */
    public KeyRecord publish(PublicKey key, Duration life)
            throws CertificationException, CertificationUnavailableException, InterruptedException {
        Instant now = Timestamps.canonical(clock.instant());
        return publish(new PubKey(ownJid(), RsaKeys.requireAcceptable(key), now, now.plus(life)));
    }

    /** Publishes a key as given (its JID must be this connection's full or bare JID); answers the attested record. */
    public KeyRecord publish(PubKey pubKey) throws CertificationException, CertificationUnavailableException, InterruptedException {
        return ask(PubKeyIQ.publish(pubKey, service()));
    }

    /** Publishes the current key of a local store, generating and saving one first if it has none. */
    public KeyRecord publishCurrent(LocalKeyStore store, Duration life)
            throws CertificationException, CertificationUnavailableException, InterruptedException, IOException {
        if (store.current().isEmpty()) {
            store.put(LocalKeyStore.CURRENT, RsaKeys.generate());
            store.save();
        }
        return publish(store.current().orElseThrow().getPublic(), life);
    }

    /**
     * Rotates to {@code next}: publishes it, and only once the gate accepted it makes it the store's current key
     * (the old one becomes {@code previous}) and saves the store. The old key stays published and valid until its
     * end, so what it signed still verifies; revoke it with {@link RevocationReason#SUPERSEDED} to end it early.
     */
    public KeyRecord rotate(LocalKeyStore store, KeyPair next, Duration life)
            throws CertificationException, CertificationUnavailableException, InterruptedException, IOException {
        KeyRecord record = publish(next.getPublic(), life);
        store.rotate(next);
        store.save();
        return record;
    }

    /** Rotates to a freshly generated key ({@value RsaKeys#DEFAULT_BITS} bits). */
    public KeyRecord rotate(LocalKeyStore store, Duration life)
            throws CertificationException, CertificationUnavailableException, InterruptedException, IOException {
        return rotate(store, RsaKeys.generate(), life);
    }

    /** Revokes one of this entity's keys; answers the gate's signed revocation. */
    public Revocation revoke(Fingerprint fingerprint, RevocationReason reason)
            throws CertificationException, CertificationUnavailableException, InterruptedException {
        return ask(RevokeIQ.request(new RevocationRequest(fingerprint, reason), service()));
    }

    /** The keys of {@code jid}, applying {@code subscription} to this session's subscription to their changes. */
    public KeyList query(Jid jid, KeyQuery.Subscription subscription)
            throws CertificationException, CertificationUnavailableException, InterruptedException {
        org.jxmpp.jid.Jid answering = serviceFor(jid);
        askedServices.add(answering);
        KeyList list = ask(PubKeysIQ.query(new KeyQuery(jid, subscription), answering));
        if (!list.jid().equals(jid)) {
            throw new MalformedElementException("asked for the keys of " + jid + " and received those of " + list.jid());
        }
        return list;
    }

    /** The 2008 query: bare currently valid keys, no attestation (so no trust by itself). */
    public LegacyKeyList legacyQuery(Jid jid) throws CertificationException, CertificationUnavailableException, InterruptedException {
        return ask(LegacyPubKeysIQ.query(jid, serviceFor(jid)));
    }

    /**
     * {@link KeyFetcher} for a {@link KeyVerifier}: queries and subscribes.
     *
     * @throws KeyFetchFailedException if the service cannot be reached (unchecked: not a verdict on the key)
     */
    @Override
    public KeyList fetch(Jid jid) throws CertificationException {
        try {
            return query(jid, KeyQuery.Subscription.SUBSCRIBE);
        } catch (CertificationUnavailableException e) {
            throw new KeyFetchFailedException("cannot fetch the keys of " + jid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyFetchFailedException("interrupted while fetching the keys of " + jid, e);
        }
    }

    /** A verifier over this connection trusting {@code anchors}, cleared by change notifications and reconnections. */
    public KeyVerifier newVerifier(TrustAnchors anchors, Duration timeToLive, Clock verifierClock) {
        return attach(new KeyVerifier(new AttestationVerifier(anchors), this, timeToLive, verifierClock));
    }

    /** Has {@code verifier} forget a JID when its keys change, and everything after a reconnection. */
    public KeyVerifier attach(KeyVerifier verifier) {
        verifiers.add(Objects.requireNonNull(verifier, "verifier"));
        return verifier;
    }

    public void detach(KeyVerifier verifier) {
        verifiers.remove(verifier);
    }

    /** Told of every change notification from the service, after the attached verifiers forgot the JID. */
    public void addKeyChangeListener(Consumer<KeyChangeNotification> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeKeyChangeListener(Consumer<KeyChangeNotification> listener) {
        listeners.remove(listener);
    }

    private void onNotification(Stanza stanza) {
        if (stanza.getFrom() == null) {
            return;
        }
        KeyChangeNotification notification = stanza.getExtension(KeyChangeNotification.class);
        if (notification == null || !speaksFor(stanza.getFrom(), notification)) {
            return; // only the service that answers for a JID speaks for its key changes
        }
        if (notification.jid().isPresent()) {
            verifiers.forEach(v -> v.invalidate(notification.jid().get()));
        } else {
            verifiers.forEach(KeyVerifier::clear);
        }
        listeners.forEach(l -> l.accept(notification));
    }

    private boolean speaksFor(org.jxmpp.jid.Jid sender, KeyChangeNotification notification) {
        if (notification.jid().isPresent()) {
            return sender.equals(serviceFor(notification.jid().get()));
        }
        // "forget everything": from this gate's service, or from another gate's that was asked (and subscribed to)
        return sender.equals(service()) || askedServices.contains(sender);
    }

    private <T> T ask(CodecIQ<T> request) throws CertificationException, CertificationUnavailableException, InterruptedException {
        IQ answer;
        try {
            answer = connection().sendIqRequestAndWaitForResponse(request);
        } catch (XMPPException.XMPPErrorException e) {
            CertificationException refusal = refusal(e.getStanzaError());
            if (refusal != null) {
                throw refusal;
            }
            throw new CertificationUnavailableException(request.getTo() + " answered " + e.getStanzaError().getCondition()
                    + ": " + e.getStanzaError().getDescriptiveText(), e);
        } catch (SmackException.NoResponseException | SmackException.NotConnectedException e) {
            throw new CertificationUnavailableException("no answer from " + request.getTo() + ": " + e.getMessage(), e);
        }
        if (answer.getClass() != request.getClass()) {
            throw new MalformedElementException("expected <" + request.getChildElementName() + " xmlns='"
                    + request.getChildElementNamespace() + "'/> in the answer, found " + answer.getChildElementQName());
        }
        @SuppressWarnings("unchecked")
        CodecIQ<T> typed = (CodecIQ<T>) answer;
        return typed.payload();
    }

    /** The protocol's refusal for a stanza error, or null for one the protocol does not use. */
    static CertificationException refusal(org.jivesoftware.smack.packet.StanzaError error) {
        String condition = String.valueOf(error.getCondition());
        String text = error.getDescriptiveText() == null ? condition : error.getDescriptiveText();
        if (StanzaError.ITEM_NOT_FOUND.condition().equals(condition)) {
            return new NoKeyPublishedException(text);
        }
        for (StanzaError known : StanzaError.values()) {
            if (known.condition().equals(condition)) {
                return new CertificationRefusedException(known, text);
            }
        }
        return null;
    }
}
