package org.openspime.gate.federation.inbound;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openspime.gate.federation.stream.S2sConnection;

/**
 * What the receiving side knows about one inbound s2s stream: its connection, the id it gave the stream (dialback
 * keys are bound to it), the domain the peer claimed in its header, and the peer domains that proved themselves
 * on it by dialback. Only those may appear as the domain of a stanza's {@code from}.
 */
final class InboundStream {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S2sConnection connection;
    private final Set<String> authenticated = ConcurrentHashMap.newKeySet();
    private volatile String streamId;
    private volatile String claimedDomain;
    /** The local domain the peer addressed: the gate's own or a component's (e.g. for a dialback check). */
    private volatile String servedDomain;
    /** The domain the peer's certificate proves, offered SASL EXTERNAL; null if none. */
    private volatile String certifiedDomain;
    private volatile boolean saslDone;

    InboundStream(S2sConnection connection) {
        this.connection = connection;
    }

    S2sConnection connection() {
        return connection;
    }

    /** A new random stream id, for a (re)started stream. */
    String restart(String claimed) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        streamId = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        claimedDomain = claimed;
        return streamId;
    }

    String streamId() {
        return streamId;
    }

    String claimedDomain() {
        return claimedDomain;
    }

    void servedDomain(String domain) {
        servedDomain = domain;
    }

    String servedDomain() {
        return servedDomain;
    }

    void certifiedDomain(String domain) {
        certifiedDomain = domain;
    }

    String certifiedDomain() {
        return certifiedDomain;
    }

    void saslDone() {
        saslDone = true;
    }

    boolean isSaslDone() {
        return saslDone;
    }

    void authenticated(String domain) {
        authenticated.add(domain);
    }

    boolean isAuthenticated(String domain) {
        return authenticated.contains(domain);
    }

    boolean anyAuthenticated() {
        return !authenticated.isEmpty();
    }
}
