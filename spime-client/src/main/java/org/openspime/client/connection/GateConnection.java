package org.openspime.client.connection;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.certification.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One entity's connection to its gate: STARTTLS required with the configured {@link GateTrust}, SASL login with the
 * OSID's account, the OSID's resource bound as is, a ping when idle, and automatic reconnection with growing,
 * randomised delays after the connection is lost (Smack's {@link ReconnectionManager}).
 *
 * <p>Managers that must act on every new session (an outbox resending what is unacknowledged, say) register with
 * {@link #onAuthenticated}; they are called after the first login and after each reconnection.
 */
public final class GateConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GateConnection.class);

    static {
        // entities have no contacts to load; the roster would only cost a round trip per login
        Roster.setRosterLoadedAtLoginDefault(false);
        StreamLimits.register();
    }

    private final ConnectionSettings settings;
    private final XMPPTCPConnection connection;
    private final List<Consumer<XMPPConnection>> authenticated = new CopyOnWriteArrayList<>();

    private GateConnection(ConnectionSettings settings) throws IOException {
        this.settings = settings;
        this.connection = new XMPPTCPConnection(configuration(settings));
        connection.setReplyTimeout(settings.replyTimeout().toMillis());
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                for (Consumer<XMPPConnection> listener : authenticated) {
                    try {
                        listener.accept(c);
                    } catch (RuntimeException e) {
                        log.warn("{}: a session listener failed", settings.osid(), e);
                    }
                }
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                log.info("{}: connection lost ({}); reconnecting", settings.osid(), e.toString());
            }
        });
    }

    /**
     * Connects and logs in once; a wrong password, an unknown OSID or an untrusted gate certificate fail here
     * with the gate's or TLS's reason. After that first login, lost connections are re-established on their own.
     */
    public static GateConnection open(ConnectionSettings settings)
            throws IOException, SmackException, XMPPException, InterruptedException {
        GateConnection c = new GateConnection(Objects.requireNonNull(settings, "settings"));
        c.connection.connect().login();
        c.keepAlive();
        return c;
    }

    /**
     * Like {@link #open}, but keeps trying with growing delays (up to {@code maxDelay}) while the gate cannot be
     * reached: what a daemon does when it starts before its gate. A refused login is not retried.
     */
    public static GateConnection openPatiently(ConnectionSettings settings, Duration maxDelay)
            throws IOException, SmackException, XMPPException, InterruptedException {
        GateConnection c = new GateConnection(Objects.requireNonNull(settings, "settings"));
        Duration delay = Duration.ofMillis(250);
        while (true) {
            try {
                c.connection.connect();
                break;
            } catch (SmackException.EndpointConnectionException | SmackException.NoResponseException e) {
                log.info("{}: gate not reachable ({}); next try in {} ms", settings.osid(), e.getMessage(), delay.toMillis());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            }
        }
        c.connection.login();
        c.keepAlive();
        return c;
    }

    /** Registers a listener for every new authenticated session; called at once if the session is already up. */
    public void onAuthenticated(Consumer<XMPPConnection> listener) {
        authenticated.add(listener);
        if (connection.isAuthenticated()) {
            listener.accept(connection);
        }
    }

    /** The largest stanza the gate accepts on the current stream, if it advertised it (XEP-0478). */
    public java.util.OptionalInt maxStanzaBytes() {
        return StreamLimits.of(connection);
    }

    public XMPPTCPConnection xmpp() {
        return connection;
    }

    public Jid osid() {
        return settings.osid();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public boolean isAuthenticated() {
        return connection.isAuthenticated();
    }

    @Override
    public void close() {
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
        connection.disconnect();
    }

    private void keepAlive() {
        ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(connection);
        reconnection.setReconnectionPolicy(ReconnectionManager.ReconnectionPolicy.RANDOM_INCREASING_DELAY);
        reconnection.enableAutomaticReconnection();
        PingManager.getInstanceFor(connection).setPingInterval((int) Math.max(1, settings.pingInterval().toSeconds()));
    }

    private static XMPPTCPConnectionConfiguration configuration(ConnectionSettings s) throws IOException {
        EntityFullJid jid = JidCreate.entityFullFrom(s.osid().toString());
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(jid.asDomainBareJid())
                .setPort(s.port())
                .setUsernameAndPassword(jid.getLocalpart().toString(), s.password())
                .setResource(jid.getResourcepart())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(s.trust().trustManager())
                .setSendPresence(true);
        if (s.host().isPresent()) {
            b.setHost(s.host().get());
        }
        return b.build();
    }
}
