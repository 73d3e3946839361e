package org.openspime.system.spime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.connection.GateTrust;
import org.openspime.client.reporting.RetryPolicy;
import org.openspime.client.spime.Spime;
import org.openspime.client.spime.SpimeConfig;
import org.openspime.client.spime.SpimeKeys;
import org.openspime.client.spime.SpimeOptions;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;

/**
 * A real gate on loopback and the spimes of one test class: each registered at the gate, with its own key store
 * (RSA-2048, to keep key generation cheap) and outbox under the class's temporary directory, its key published.
 */
final class SpimeNetwork implements AutoCloseable {

    static final char[] STORE_PASSWORD = "store-password".toCharArray();
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(800));

    final TestGate gate;
    final Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    SpimeNetwork(Path dir) throws Exception {
        this(dir, TestGate.start());
    }

    /** A network on {@code gate} (e.g. one with a smaller stanza limit). */
    SpimeNetwork(Path dir, TestGate gate) {
        this.dir = dir;
        this.gate = gate;
    }

    GateTrust trust() {
        return GateTrust.using(gate.trust(), "the test gate's certificate");
    }

    ConnectionSettings settings(String osid) {
        return ConnectionSettings.of(Jid.of(osid), TestGate.PASSWORD, trust(), "127.0.0.1", gate.port())
                .withReplyTimeout(Duration.ofSeconds(3));
    }

    SpimeOptions options() {
        return SpimeOptions.trusting(gate.gate().certification().trustAnchors()).withRetry(FAST_RETRIES);
    }

    /** Registers {@code osid}, generates its key (once) and starts it with its key published. */
    Spime spime(String osid) throws Exception {
        gate.register(OsidKind.SPIME, osid);
        SpimeConfig config = config(osid);
        if (LocalKeyStore.open(config.keyStore(), STORE_PASSWORD).current().isEmpty()) {
            SpimeKeys.generate(config.keyStore(), STORE_PASSWORD, LocalKeyStore.CURRENT, 2048, false);
        }
        Spime spime = Spime.start(config);
        open.add(spime);
        spime.publishKey();
        return spime;
    }

    /** The same spime's configuration every time: a restarted spime finds its key and its outbox again. */
    SpimeConfig config(String osid) throws Exception {
        Path home = Files.createDirectories(dir.resolve(osid.replace('/', '_').replace('@', '_')));
        return SpimeConfig.of(settings(osid), home.resolve("keys.p12"), STORE_PASSWORD, home.resolve("outbox"), options());
    }

    ScopeNodePeer scopeNode(String snid, String scope) throws Exception {
        gate.register(OsidKind.SCOPENODE, snid);
        ScopeNodePeer peer = new ScopeNodePeer(this, Jid.of(snid), scope);
        open.add(peer);
        return peer;
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        gate.close();
    }
}
