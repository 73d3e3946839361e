package org.openspime.client.connection;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.Jid;

/**
 * Where and as whom an entity logs in.
 *
 * @param osid         the entity's full JID (SpimeID, SNID or ServID); its resource is bound as is
 * @param password     the account's password
 * @param trust        how the gate's certificate is verified
 * @param host         the gate's host; empty to find it from the domain (DNS SRV, then the domain itself)
 * @param port         the gate's client port (5222 by default)
 * @param replyTimeout how long a request waits for its answer
 * @param pingInterval how often an idle connection is checked (XEP-0199), so a dead one is noticed and replaced
 */
public record ConnectionSettings(Jid osid, String password, GateTrust trust, Optional<String> host, int port,
                                 Duration replyTimeout, Duration pingInterval) {

    public static final int DEFAULT_PORT = 5222;

    public ConnectionSettings {
        Objects.requireNonNull(osid, "osid");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (osid.local().isEmpty() || osid.resource().isEmpty()) {
            throw new IllegalArgumentException(osid + " is not a full JID (local@domain/resource)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
    }

    /** Settings for a gate on {@code host:port} with the defaults for timeouts. */
    public static ConnectionSettings of(Jid osid, String password, GateTrust trust, String host, int port) {
        return new ConnectionSettings(osid, password, trust, Optional.of(host), port, Duration.ofSeconds(15), Duration.ofSeconds(60));
    }

    public ConnectionSettings withReplyTimeout(Duration timeout) {
        return new ConnectionSettings(osid, password, trust, host, port, timeout, pingInterval);
    }

    /** The same login for another OSID of the same account (a bridge's next relayed spime). */
    public ConnectionSettings forOsid(Jid other) {
        return new ConnectionSettings(other, password, trust, host, port, replyTimeout, pingInterval);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + osid + " via " + host.orElse(osid.domain()) + ":" + port + ", " + trust + "]";
    }
}
