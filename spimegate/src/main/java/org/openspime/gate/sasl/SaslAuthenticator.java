package org.openspime.gate.sasl;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.vysper.xml.fragment.XMLText;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.server.SessionState;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.identity.IdentityRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules every SASL exchange of the gate follows, whichever stanza carries it: TLS first, throttle,
 * mechanism steps, account must be ACTIVE, outcome reported to the {@link LoginListener}. The exchange in progress
 * is kept as a session attribute between {@code <auth/>} and {@code <response/>}.
 *
 * <p>On success it does what Vysper's own PLAIN does: the bare JID becomes the session's initiating entity and
 * the state AUTHENTICATED. The stream restart that follows is Vysper's: the client's new stream header is
 * answered by a fresh opener with the post-authentication features (ServerResponses marks the stream as
 * reopening when it builds that opener).
 */
final class SaslAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(SaslAuthenticator.class);
    private static final String PENDING = SaslAuthenticator.class.getName() + ".pending";
    private static final String SASL = NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_SASL;

    private final IdentityRegistry registry;
    private final LoginThrottle throttle;
    private final LoginListener listener;
    private final Function<SessionContext, String> remoteAddress;
    private final Map<String, GateSaslMechanism> mechanisms = new LinkedHashMap<>();

    /** An exchange waiting for the client's next {@code <response/>}. */
    private record Pending(GateSaslMechanism mechanism, SaslNegotiation negotiation) {
    }

    SaslAuthenticator(IdentityRegistry registry, LoginThrottle throttle, LoginListener listener,
                      Function<SessionContext, String> remoteAddress) {
        this.registry = registry;
        this.throttle = throttle;
        this.listener = listener;
        this.remoteAddress = remoteAddress;
        // Strongest first: clients pick the first they support.
        add(new ScramMechanism(this, registry, ScramAlgorithm.SHA_256));
        add(new ScramMechanism(this, registry, ScramAlgorithm.SHA_1));
        add(new PlainMechanism(this, registry));
    }

    private void add(GateSaslMechanism m) {
        mechanisms.put(m.getName(), m);
    }

    List<GateSaslMechanism> mechanisms() {
        return List.copyOf(mechanisms.values());
    }

    /** {@code <auth mechanism='...'>initial response</auth>}. */
    Stanza auth(SessionContext session, SessionStateHolder state, Stanza auth) {
        session.putAttribute(PENDING, null);
        String name = auth.getAttributeValue("mechanism");
        Stanza refused = refusedBeforeExchange(session, state, name);
        if (refused != null) {
            return refused;
        }
        GateSaslMechanism mechanism = mechanisms.get(name);
        if (mechanism == null) {
            return failure(null, null, SaslFailure.INVALID_MECHANISM, "mechanism " + name + " is not offered");
        }
        byte[] initial;
        try {
            initial = payload(auth);
        } catch (IllegalArgumentException e) {
            return failure(null, name, SaslFailure.INCORRECT_ENCODING, "initial response is not base64");
        }
        SaslNegotiation negotiation = mechanism.begin(session.getServerJID().getDomain());
        return step(session, state, new Pending(mechanism, negotiation), initial);
    }

    /** {@code <response>data</response>}. */
    Stanza response(SessionContext session, SessionStateHolder state, Stanza response) {
        Pending pending = (Pending) session.getAttribute(PENDING);
        session.putAttribute(PENDING, null);
        Stanza refused = refusedBeforeExchange(session, state, null);
        if (refused != null) {
            return refused;
        }
        if (pending == null) {
            return failure(null, null, SaslFailure.MALFORMED_REQUEST, "no authentication exchange in progress");
        }
        byte[] data;
        try {
            data = payload(response);
        } catch (IllegalArgumentException e) {
            return failure(pending.negotiation().claimedAccount(), pending.mechanism().getName(),
                    SaslFailure.INCORRECT_ENCODING, "response is not base64");
        }
        return step(session, state, pending, data == null ? new byte[0] : data);
    }

    /** {@code <abort/>}: the exchange is dropped and acknowledged with {@code <failure><aborted/></failure>}. */
    Stanza abort(SessionContext session) {
        Pending pending = (Pending) session.getAttribute(PENDING);
        session.putAttribute(PENDING, null);
        return failure(pending == null ? null : pending.negotiation().claimedAccount(),
                pending == null ? null : pending.mechanism().getName(), SaslFailure.ABORTED, "client aborted");
    }

    private Stanza refusedBeforeExchange(SessionContext session, SessionStateHolder state, String mechanism) {
        if (state.getState() == SessionState.AUTHENTICATED) {
            return failure(session.getInitiatingEntity(), mechanism, SaslFailure.MALFORMED_REQUEST,
                    "already authenticated");
        }
        if (state.getState() != SessionState.ENCRYPTED) {
            return failure(null, mechanism, SaslFailure.ENCRYPTION_REQUIRED, "authentication needs TLS first");
        }
        if (throttle.isBlocked(remoteAddress.apply(session), null)) {
            return failure(null, mechanism, SaslFailure.TEMPORARY_AUTH_FAILURE,
                    "too many failed logins from " + remoteAddress.apply(session));
        }
        return null;
    }

    private Stanza step(SessionContext session, SessionStateHolder state, Pending pending, byte[] message) {
        String address = remoteAddress.apply(session);
        String name = pending.mechanism().getName();
        SaslStep step = pending.negotiation().evaluate(message);
        Entity claimed = pending.negotiation().claimedAccount();
        if (claimed != null && throttle.isBlocked(address, claimed)) {
            return failure(claimed, name, SaslFailure.TEMPORARY_AUTH_FAILURE,
                    "too many failed logins for " + claimed.getFullQualifiedName());
        }
        if (step instanceof SaslStep.Challenge challenge) {
            session.putAttribute(PENDING, pending);
            return new StanzaBuilder("challenge", SASL).addText(encode(challenge.data())).build();
        }
        if (step instanceof SaslStep.Success success) {
            Entity account = success.account();
            if (!registry.isAccountActive(account)) {
                return failure(account, name, SaslFailure.ACCOUNT_DISABLED,
                        "account " + account.getFullQualifiedName() + " is disabled");
            }
            session.setInitiatingEntity(account);
            state.setState(SessionState.AUTHENTICATED);
            log.info("authenticated {} with {} from {}", account.getFullQualifiedName(), name, address);
            listener.succeeded(account, name);
            StanzaBuilder b = new StanzaBuilder("success", SASL);
            if (success.additionalData() != null) {
                b.addText(encode(success.additionalData()));
            }
            return b.build();
        }
        SaslStep.Failure f = (SaslStep.Failure) step;
        if (f.condition() == SaslFailure.NOT_AUTHORIZED) {
            throttle.recordFailure(address, f.account());
        }
        return failure(f.account(), name, f.condition(), f.reason());
    }

    private Stanza failure(Entity account, String mechanism, SaslFailure condition, String reason) {
        log.info("authentication failed: {} account={} mechanism={} reason={}", condition.element(),
                account == null ? "-" : account.getFullQualifiedName(), mechanism, reason);
        listener.failed(account, mechanism, condition);
        // The reason stays in the log: telling a client why a password check failed only helps a guesser.
        return new StanzaBuilder("failure", SASL).startInnerElement(condition.element(), SASL).endInnerElement()
                .build();
    }

    /** The base64 payload; null when the element is empty; an empty array for "=" (RFC 6120 section 6.4.2). */
    private static byte[] payload(Stanza stanza) {
        StringBuilder text = new StringBuilder();
        for (XMLText t : stanza.getInnerTexts()) {
            text.append(t.getText());
        }
        String s = text.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.equals("=")) {
            return new byte[0];
        }
        return Base64.getDecoder().decode(s);
    }

    private static String encode(byte[] data) {
        return data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
    }
}
