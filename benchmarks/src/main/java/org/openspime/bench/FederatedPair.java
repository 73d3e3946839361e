package org.openspime.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.tls.GateCertificate;

/**
 * Two gate processes federated over one s2s link: {@code a.bench.test} on 127.0.0.2 and {@code b.bench.test} on
 * 127.0.0.3 (Linux routes all of 127/8 to lo), each with its own generated certificate, each configured with the
 * other's address ({@code --peer}) and certificate fingerprint ({@code --peer-cert}), as an operator would.
 */
final class FederatedPair implements AutoCloseable {
    final GateProcess a;
    final GateProcess b;

    private FederatedPair(GateProcess a, GateProcess b) {
        this.a = a;
        this.b = b;
    }

    static FederatedPair start(String name, int accounts, String heap, List<String> jvmOptions) throws Exception {
        Side sa = Side.prepare("a.bench.test", "127.0.0.2");
        Side sb = Side.prepare("b.bench.test", "127.0.0.3");
        GateProcess a = GateProcess.start(name + "-a", sa.domain, sa.address, sa.dataDir, sa.s2sPort, accounts, heap,
                jvmOptions, sa.federateWith(sb));
        try {
            GateProcess b = GateProcess.start(name + "-b", sb.domain, sb.address, sb.dataDir, sb.s2sPort, accounts,
                    heap, jvmOptions, sb.federateWith(sa));
            return new FederatedPair(a, b);
        } catch (Exception e) {
            a.close();
            throw e;
        }
    }

    /** Both gates' CPU time, in milliseconds. */
    long cpuMillis() {
        return a.cpuMillis() + b.cpuMillis();
    }

    @Override
    public void close() throws Exception {
        try {
            a.close();
        } finally {
            b.close();
        }
    }

    private record Side(String domain, String address, Path dataDir, int s2sPort, String fingerprint) {
        static Side prepare(String domain, String address) throws Exception {
            Path dir = Files.createTempDirectory("openspime-bench-" + domain + "-");
            GateCertificate cert = GateCertificate.loadOrCreate(new GateConfig(domain, address, 0, 0, 0, dir, null,
                    null, null, null, null, GateConfig.Limits.defaults()));
            return new Side(domain, address, dir, GateProcess.freePort(address), cert.sha256Fingerprint());
        }

        List<String> federateWith(Side peer) {
            return List.of("--peer", peer.domain + "=" + peer.address + ":" + peer.s2sPort,
                    "--peer-cert", peer.domain + "=" + peer.fingerprint);
        }
    }
}
