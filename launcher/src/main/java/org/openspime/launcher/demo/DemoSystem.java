package org.openspime.launcher.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.connection.GateTrust;
import org.openspime.client.report.element.Location;
import org.openspime.client.spime.Spime;
import org.openspime.client.spime.SpimeOptions;
import org.openspime.gate.SpimeGate;
import org.openspime.gate.cli.GateOptions;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.console.GateConsole;
import org.openspime.gate.console.JdbcAuditLog;
import org.openspime.gate.identity.OsidKind;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.scopenode.node.ScopeNode;
import org.openspime.web.ConsoleSettings;
import org.openspime.web.audit.AuditEntry;
import org.openspime.web.operator.Secrets;
import picocli.CommandLine;

/**
 * The demo's parts, started in order and stopped in reverse: the gate, the console operator, the identities, the
 * ScopeNode (authorizing every spime of the demo gate) and the simulated spimes (each with its key published).
 */
final class DemoSystem implements AutoCloseable {

    private static final String OPERATOR = "admin";

    private final SpimeGate gate;
    private final ScopeNode node;
    private final List<SimulatedSpime> spimes;
    private boolean closed;

    private DemoSystem(SpimeGate gate, ScopeNode node, List<SimulatedSpime> spimes) {
        this.gate = gate;
        this.node = node;
        this.spimes = spimes;
    }

    static DemoSystem start(DemoPlan plan, PrintStream out) throws Exception {
        Files.createDirectories(plan.dataDir());
        out.printf("OpenSpime demo: starting a gate, a ScopeNode and %d spimes in %s%n", plan.spimes(), plan.dataDir());
        SpimeGate gate = SpimeGate.start(gateConfig(plan));
        ScopeNode node = null;
        List<SimulatedSpime> started = new ArrayList<>();
        try {
            String operatorPassword = Secrets.password(12);
            setOperatorPassword(gate, operatorPassword);
            DemoIdentities identities = new DemoIdentities(gate.storage().identities());
            GateTrust trust = GateTrust.pinned(gate.certificate().sha256Fingerprint());

            String nodePassword = identities.issue(OsidKind.SCOPENODE, DemoPlan.SNID, "ScopeNode of the demo scope co2-classrooms");
            Path nodeDir = plan.dataDir().resolve("scopenode");
            Path scopeFile = DemoCommand.copyResource(DemoPlan.SCOPE_RESOURCE, nodeDir.resolve("classrooms.scope"));
            String token = Secrets.random(24);
            NodeSettings settings = NodeSettings.of(Jid.of(DemoPlan.SNID), nodePassword, plan.bindAddress(), gate.c2sPort(),
                            trust, scopeFile, nodeDir, token)
                    .withHttp(plan.bindAddress(), plan.port(NodeSettings.DEFAULT_HTTP_PORT))
                    .withKeyBits(DemoPlan.RSA_BITS);
            node = ScopeNode.start(settings);
            node.authorization().authorize("*@" + DemoPlan.DOMAIN + "/*", "demo");

            TrustAnchors anchors = TrustAnchors.builder()
                    .trust(gate.certification().jid(), gate.certification().key().publicKey()).build();
            Path spimeDir = plan.dataDir().resolve("spimes");
            char[] storePassword = storePassword(spimeDir);
            LocalKeyStore store = LocalKeyStore.open(spimeDir.resolve("keys.p12"), storePassword);
            SplittableRandom random = new SplittableRandom();
            for (int n = 1; n <= plan.spimes(); n++) {
                String jid = plan.spimeId(n);
                String password = identities.issue(OsidKind.SPIME, jid, "demo classroom sensor " + n);
                KeyPair keys = keyPair(store, "classroom-" + n);
                Spime spime = Spime.start(ConnectionSettings.of(Jid.of(jid), password, trust, plan.bindAddress(), gate.c2sPort()),
                        keys, spimeDir.resolve("classroom-" + n).resolve("outbox"), SpimeOptions.trusting(anchors));
                spime.publishKey();
                ClassroomSensor sensor = new ClassroomSensor(random.split(),
                        Location.of(45.46 + random.nextDouble(0.05), 9.18 + random.nextDouble(0.05), 120 + n));
                started.add(new SimulatedSpime(spime, sensor, node.snid(), node.scope().name(), out));
            }
            new DemoBanner(out).print(plan, gate, node, token, OPERATOR, operatorPassword, started.size());
            return new DemoSystem(gate, node, started);
        } catch (Exception | Error e) {
            started.forEach(SimulatedSpime::close);
            if (node != null) {
                node.close();
            }
            gate.close();
            throw e;
        }
    }

    List<SimulatedSpime> spimes() {
        return spimes;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        spimes.forEach(SimulatedSpime::close);
        node.close();
        gate.close();
    }

    private static GateConfig gateConfig(DemoPlan plan) {
        GateOptions options = CommandLine.populateCommand(new GateOptions(),
                "--domain", DemoPlan.DOMAIN,
                "--bind-address", plan.bindAddress(),
                "--c2s-port", Integer.toString(plan.port(5222)),
                "--s2s-port", Integer.toString(plan.port(5269)),
                "--http-port", Integer.toString(plan.port(8080)),
                "--data-dir", plan.dataDir().resolve("gate").toString());
        return options.resolve();
    }

    private static void setOperatorPassword(SpimeGate gate, String password) {
        GateConsole.operators(gate.storage(), ConsoleSettings.defaults()).create(OPERATOR, password);
        new JdbcAuditLog(gate.storage().database().dataSource()).record(new AuditEntry(Instant.now(), "demo",
                "operator.password", OPERATOR, "password set by openspime demo", "localhost", "cli"));
    }

    private static KeyPair keyPair(LocalKeyStore store, String alias) throws Exception {
        var existing = store.get(alias);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyPair pair = RsaKeys.generate(DemoPlan.RSA_BITS);
        store.put(alias, pair);
        store.save();
        return pair;
    }

    /** The spimes' key store password, made once and kept next to it (owner-only), as a device keeps its own. */
    private static char[] storePassword(Path spimeDir) throws IOException {
        Path file = spimeDir.resolve("keys.password");
        if (!Files.exists(file)) {
            Files.createDirectories(spimeDir);
            Files.writeString(file, Secrets.random(18), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file stays with the directory's default permissions
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim().toCharArray();
    }
}
