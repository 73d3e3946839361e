package org.openspime.system.datapath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.outbox.Outbox;
import org.openspime.client.outbox.OutboxLimits;
import org.openspime.client.reporting.RetryPolicy;
import org.openspime.client.spime.Spime;
import org.openspime.client.spime.SpimeOptions;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;

/**
 * Spimes made with the SDK ({@link Spime#start}) against a {@link RestartableGate}: each registered, with a fresh
 * RSA-2048 key pair (cheap to generate) and its own durable outbox under the test's directory, its key published,
 * retrying quickly so that recoveries fit in a test's time.
 */
final class SdkSpimes implements AutoCloseable {

    /** 100 ms doubling to 500 ms: a recovery is noticed within half a second. */
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(500));
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);

    private final RestartableGate gate;
    private final Path dir;
    private final List<Spime> started = java.util.Collections.synchronizedList(new ArrayList<>());

    SdkSpimes(RestartableGate gate, Path dir) {
        this.gate = gate;
        this.dir = dir;
    }

    ConnectionSettings settings(String osid) {
        return ConnectionSettings.of(Jid.of(osid), TestGate.PASSWORD, gate.trust(), "127.0.0.1", gate.port())
                .withReplyTimeout(REPLY_TIMEOUT);
    }

    SpimeOptions options() {
        return SpimeOptions.trusting(gate.anchors()).withRetry(FAST_RETRIES);
    }

    /** Registers {@code osid}, logs it in with a new key pair and its own outbox, and publishes the key. */
    Spime start(String osid) throws Exception {
        gate.register(OsidKind.SPIME, osid);
        KeyPair keys = RsaKeys.generate(2048);
        Spime spime = Spime.start(settings(osid), keys, outboxDir(osid), options());
        started.add(spime);
        spime.publishKey();
        return spime;
    }

    /**
     * Starts {@code count} spimes {@code <prefix><n>@gate.test/spime} on another thread, so that a test can start its
     * ScopeNode meanwhile; join the answer.
     */
    java.util.concurrent.CompletableFuture<List<Spime>> startInBackground(String prefix, int count) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            List<Spime> spimes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                try {
                    spimes.add(start(prefix + i + "@gate.test/spime"));
                } catch (Exception e) {
                    throw new IllegalStateException("could not start spime " + prefix + i, e);
                }
            }
            return spimes;
        });
    }

    /** Pending reports in all their outboxes together. */
    static int pending(List<Spime> spimes) {
        return spimes.stream().mapToInt(s -> s.reporter().outbox().size()).sum();
    }

    Path outboxDir(String osid) throws Exception {
        return Files.createDirectories(dir.resolve(osid.replace('/', '_').replace('@', '_'))).resolve("outbox");
    }

    /** The outbox as a new process would find it on disk (open it only when no spime is using it). */
    static Outbox reopen(Path outboxDir) throws Exception {
        return Outbox.open(outboxDir, OutboxLimits.DEFAULT);
    }

    @Override
    public void close() {
        started.forEach(Spime::close);
    }
}
