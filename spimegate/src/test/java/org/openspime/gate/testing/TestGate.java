package org.openspime.gate.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.apache.vysper.storage.inmemory.MemoryStorageProviderRegistry;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.authorization.Plain;
import org.apache.vysper.xmpp.modules.core.sasl.SASLStanzaDictionary;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.openspime.gate.binding.BindPolicy;
import org.openspime.gate.engine.XmppEngine;
import org.openspime.gate.metrics.GateMetrics;

/** An XMPP engine on a free loopback port with in-memory accounts, for tests of the engine alone. */
public final class TestGate implements AutoCloseable {
    public static final String DOMAIN = "gate.test";

    private final TestTls tls = TestTls.forDomain(DOMAIN);
    private final MemoryStorageProviderRegistry storage = new MemoryStorageProviderRegistry();
    private final XmppEngine engine;
    private final GateMetrics metrics = new GateMetrics(new SimpleMeterRegistry());

    private TestGate(int maxStanzaBytes, int maxStanzasPerSecond) throws Exception {
        engine = new XmppEngine(new XmppEngine.Settings(DOMAIN, "127.0.0.1", 0, 1024, maxStanzaBytes,
                maxStanzasPerSecond, 8, tls.serverContext(), new String[] {"TLSv1.2"}, storage,
                List.of(new Plain()), new SASLStanzaDictionary(), BindPolicy.anyResource(), metrics));
        engine.start();
    }

    public static TestGate start() throws Exception {
        return new TestGate(65_536, 0);
    }

    public static TestGate start(int maxStanzaBytes, int maxStanzasPerSecond) throws Exception {
        return new TestGate(maxStanzaBytes, maxStanzasPerSecond);
    }

    public void addAccount(String bareJid, String password) throws Exception {
        ((AccountManagement) storage.retrieve(AccountManagement.class))
                .addUser(EntityImpl.parse(bareJid), password);
    }

    public XMPPTCPConnection login(String fullJid, String password) throws Exception {
        return Clients.login(port(), trust(), fullJid, password);
    }

    /** Adds the account (password "secret") and logs in. */
    public XMPPTCPConnection newClient(String fullJid) throws Exception {
        String bare = fullJid.substring(0, fullJid.indexOf('/'));
        try {
            addAccount(bare, "secret");
        } catch (Exception alreadyThere) {
            // several resources of one account
        }
        return login(fullJid, "secret");
    }

    public int port() {
        return engine.c2sPort();
    }

    public X509TrustManager trust() {
        return tls.trustManager();
    }

    public TestTls tls() {
        return tls;
    }

    public XmppEngine engine() {
        return engine;
    }

    public GateMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        engine.stop();
    }
}
