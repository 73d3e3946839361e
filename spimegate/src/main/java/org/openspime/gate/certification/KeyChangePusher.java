package org.openspime.gate.certification;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.delivery.StanzaRelay;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.delivery.failure.IgnoreFailureStrategy;
import org.apache.vysper.xmpp.stanza.MessageStanzaType;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.openspime.certification.Jid;
import org.openspime.certification.codec.KeyListCodec;
import org.openspime.certification.service.KeyChange;
import org.openspime.certification.service.KeyChangeListener;
import org.openspime.certification.service.KeySubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells subscribers that a JID's keys changed: a {@code <message type='headline'>} from the service carrying the
 * JID's current {@code <pubkeys/>} (empty when no key is left), one per subscribed full JID.
 *
 * <p>Runs on the publishing or revoking thread, after the change was committed. Delivery to a local session
 * only queues bytes on its connection, so nothing here waits on a subscriber. A headline to a session that has
 * gone is dropped by the relay without an error; the subscription itself was already dropped when the
 * binding ended ({@link #sessionEnded}).
 */
final class KeyChangePusher implements KeyChangeListener {
    private static final Logger log = LoggerFactory.getLogger(KeyChangePusher.class);

    private final Entity service;
    private final KeySubscriptions subscriptions;
    private final Supplier<StanzaRelay> relay;
    private final AtomicLong ids = new AtomicLong();

    KeyChangePusher(Entity service, KeySubscriptions subscriptions, Supplier<StanzaRelay> relay) {
        this.service = Objects.requireNonNull(service, "service");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    @Override
    public void keyChanged(KeyChange change) {
        Jid jid = change.current().jid();
        Set<Jid> subscribers = subscriptions.subscribersOf(jid);
        if (subscribers.isEmpty()) {
            return;
        }
        XMLElement payload = ElementXml.parse(KeyListCodec.toXml(change.current()));
        StanzaRelay out = relay.get();
        for (Jid subscriber : subscribers) {
            Entity to = EntityImpl.parseUnchecked(subscriber.toString());
            var message = StanzaBuilder.createMessageStanza(service, to, MessageStanzaType.HEADLINE, null, null)
                    .addAttribute("id", "keychange-" + ids.incrementAndGet())
                    .addPreparedElement(payload).build();
            try {
                out.relay(to, message, new IgnoreFailureStrategy());
            } catch (DeliveryException e) {
                log.debug("certification: change of {} not delivered to {}: {}", jid, subscriber, e.toString());
            }
        }
        log.debug("certification: told {} subscriber(s) of a {} of {} {}", subscribers.size(), change.kind(), jid,
                change.fingerprint());
    }

    /** The session bound to {@code fullJid} ended (or was taken over): its subscriptions end with it. */
    void sessionEnded(Entity fullJid) {
        subscriptions.unsubscribeAll(Jid.of(fullJid.getFullQualifiedName()));
    }
}
