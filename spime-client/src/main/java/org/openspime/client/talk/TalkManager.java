package org.openspime.client.talk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.client.KeyVerifier;
import org.openspime.client.report.crypto.Recipient;
import org.openspime.client.talk.crypto.TalkOpener;
import org.openspime.client.talk.crypto.TalkRefusedException;
import org.openspime.client.talk.crypto.TalkSealer;
import org.openspime.client.talk.element.TalkElement;
import org.openspime.client.talk.element.TalkProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spime talk over one connection. Sending seals with the entity's key (and encrypts to the recipient's certified
 * key from the {@link KeyVerifier} when asked); receiving opens every {@code <talk/>} with the {@link TalkOpener} and
 * hands only verified messages to the listeners — anything else is answered to its sender with a
 * {@code <message type='error'/>} naming the {@link TalkCondition}, and logged.
 */
public final class TalkManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TalkManager.class);
    private static final StanzaFilter TALK = new AndFilter(MessageTypeFilter.NORMAL,
            new StanzaExtensionFilter(TalkElement.ELEMENT, TalkElement.NAMESPACE));

    private final XMPPConnection connection;
    private final TalkSealer sealer;
    private final TalkOpener opener;
    private final KeyVerifier verifier;
    private final List<TalkListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<TalkRefusal>> refusalListeners = new CopyOnWriteArrayList<>();
    private final StanzaListener onTalk = this::received;
    private final StanzaListener onError = this::refused;

    public TalkManager(XMPPConnection connection, TalkSealer sealer, TalkOpener opener, KeyVerifier verifier) {
        TalkProvider.register();
        this.connection = Objects.requireNonNull(connection, "connection");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        connection.addAsyncStanzaListener(onTalk, TALK);
        connection.addAsyncStanzaListener(onError, MessageTypeFilter.ERROR);
    }

    /** Signed, not encrypted; answers the message id. */
    public String say(Jid to, String text) throws SmackException.NotConnectedException, InterruptedException {
        return send(sealer.plain(to, text));
    }

    /**
     * Signed and encrypted to {@code to}'s current certified key.
     *
     * @throws CertificationException {@code to} has no trusted certified key
     */
    public String sayEncrypted(Jid to, String text) throws CertificationException, SmackException.NotConnectedException, InterruptedException {
        return send(sealer.encrypted(Recipient.of(verifier.currentKey(to)), text));
    }

    /** Sends an element as it is (sealed by {@link TalkSealer}); answers its id. */
    public String send(TalkElement talk) throws SmackException.NotConnectedException, InterruptedException {
        connection.sendStanza(StanzaBuilder.buildMessage(talk.id()).ofType(Message.Type.normal).to(xmpp(talk.to()))
                .addExtension(talk).build());
        return talk.id();
    }

    public void addListener(TalkListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(TalkListener listener) {
        listeners.remove(listener);
    }

    /** Told when a recipient refuses a message this entity sent. */
    public void addRefusalListener(Consumer<TalkRefusal> listener) {
        refusalListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void received(Stanza stanza) {
        TalkElement talk = stanza.getExtension(TalkElement.class);
        Jid from = Jid.of(String.valueOf(stanza.getFrom()));
        TalkMessage message;
        try {
            message = opener.open(talk, from);
        } catch (TalkRefusedException e) {
            log.warn("{}: talk {} from {} refused: {} ({})", connection.getUser(), stanza.getStanzaId(), from, e.condition().element(), e.getMessage());
            answer(stanza, e);
            return;
        }
        for (TalkListener listener : listeners) {
            try {
                listener.received(message);
            } catch (RuntimeException e) {
                log.warn("{}: a talk listener failed on {} from {}", connection.getUser(), message.id(), message.from(), e);
            }
        }
    }

    private void answer(Stanza request, TalkRefusedException refusal) {
        TalkCondition c = refusal.condition();
        StanzaError error = StanzaError.getBuilder(StanzaError.Condition.fromString(c.stanzaCondition()))
                .setType(StanzaError.Type.fromString(c.errorType()))
                .setDescriptiveEnText(refusal.getMessage())
                .addExtension(StandardExtensionElement.builder(c.element(), TalkElement.NAMESPACE).build())
                .build();
        try {
            connection.sendStanza(StanzaBuilder.buildMessage(request.getStanzaId()).ofType(Message.Type.error)
                    .to(request.getFrom()).setError(error).build());
        } catch (SmackException.NotConnectedException e) {
            log.info("{}: could not tell {} that its talk was refused: not connected", connection.getUser(), request.getFrom());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refused(Stanza stanza) {
        StanzaError error = stanza.getError();
        if (error == null) {
            return;
        }
        for (TalkCondition c : TalkCondition.values()) {
            if (error.getExtension(c.element(), TalkElement.NAMESPACE) != null) {
                TalkRefusal refusal = new TalkRefusal(stanza.getStanzaId(), Jid.of(String.valueOf(stanza.getFrom())), c,
                        Optional.ofNullable(error.getDescriptiveText()));
                refusalListeners.forEach(l -> l.accept(refusal));
                return;
            }
        }
    }

    private static org.jxmpp.jid.Jid xmpp(Jid jid) {
        try {
            return JidCreate.from(jid.toString());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException(jid + " is not a valid JID", e);
        }
    }

    @Override
    public void close() {
        connection.removeAsyncStanzaListener(onTalk);
        connection.removeAsyncStanzaListener(onError);
        listeners.clear();
        refusalListeners.clear();
    }
}
