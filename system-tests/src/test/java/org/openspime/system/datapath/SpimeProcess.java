package org.openspime.system.datapath;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.client.spime.SpimeKeys;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;

/**
 * A spime in a child JVM ({@link SpimeProcessMain}, the test's class path), so that it can be killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) and started again from the same key store and outbox. Its standard
 * output is read line by line; its logs go to the same stream and are kept for the failure message.
 */
final class SpimeProcess implements AutoCloseable {

    static final char[] STORE_PASSWORD = "store-password".toCharArray();

    private final List<String> common;
    private final List<String> output = new ArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Process process;

    private SpimeProcess(List<String> common) {
        this.common = common;
    }

    /** Registers {@code osid} at {@code gate} and gives it a key store under {@code home}; starts nothing. */
    static SpimeProcess provision(RestartableGate gate, String osid, String snid, Path home) throws Exception {
        gate.register(OsidKind.SPIME, osid);
        Path keystore = home.resolve("keys.p12");
        SpimeKeys.generate(keystore, STORE_PASSWORD, LocalKeyStore.CURRENT, 2048, false);
        return new SpimeProcess(List.of(
                "osid=" + osid, "password=" + TestGate.PASSWORD, "gate-port=" + gate.port(),
                "gate-cert=" + gate.certificatePin(), "keystore=" + keystore,
                "keystore-password=" + new String(STORE_PASSWORD), "outbox=" + home.resolve("outbox"), "snid=" + snid,
                "certification-jid=" + gate.gate().certification().jid(),
                "certification-key=" + Base64.getEncoder().encodeToString(
                        gate.gate().certification().key().publicKey().getEncoded())));
    }

    /** Starts the process with {@code mode} ({@code report=N}, or {@code drain drain-seconds=S}). */
    void start(String... mode) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SpimeProcessMain.class.getName()));
        command.addAll(common);
        command.addAll(List.of(mode));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        lines.clear();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process died
            }
        }, "spime process output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next output line starting with one of {@code prefixes} (others skipped); fails after {@code within}. */
    String next(Duration within, String... prefixes) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("spime process: no line starting with " + List.of(prefixes) + " within "
                        + within + "; it printed:\n" + printed());
            }
            for (String p : prefixes) {
                if (line.startsWith(p)) {
                    return line;
                }
            }
        }
    }

    int waitFor(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("spime process still running after " + within + "; it printed:\n" + printed());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, nothing closed, the outbox as the last fsync left it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String printed() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
