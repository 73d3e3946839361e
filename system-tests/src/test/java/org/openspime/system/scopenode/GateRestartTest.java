package org.openspime.system.scopenode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.connection.GateConnection;
import org.openspime.client.connection.GateTrust;
import org.openspime.client.report.element.Report;
import org.openspime.gate.SpimeGate;
import org.openspime.gate.config.GateConfig;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;
import org.openspime.gate.testing.TestTls;
import org.openspime.scopenode.node.NodeSettings;
import org.openspime.scopenode.node.ScopeNode;

/**
 * The gate restarts while a ScopeNode and a spime are connected: the ScopeNode logs in again by itself (its
 * health says so) and takes reports as before; nothing reported before the restart is lost.
 */
@Timeout(120)
class GateRestartTest {

    @TempDir
    Path dir;

    @Test
    void theScopeNodeReconnectsByItselfAfterAGateRestartAndGoesOn() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        GateConfig config = new GateConfig(TestGate.DOMAIN, "127.0.0.1", port, 0, 0, dir.resolve("gate"), null, null,
                null, null, null, GateConfig.Limits.defaults().withStanzaRate(0), GateConfig.DEFAULT_MAX_KEY_LIFE,
                false);
        SpimeGate gate = SpimeGate.start(config);
        GateTrust trust = GateTrust.using(TestTls.trusting(gate.certificate().certificate()), "restarting gate");
        gate.storage().identities().create(OsidKind.SCOPENODE, NodeFixture.SNID, "node", TestGate.PASSWORD);
        gate.storage().identities().create(OsidKind.SPIME, "roamer@gate.test/spime", "spime", TestGate.PASSWORD);
        NodeSettings settings = NodeSettings.of(Jid.of(NodeFixture.SNID), TestGate.PASSWORD, "127.0.0.1", port, trust,
                TestScope.write(dir), dir.resolve("node"), NodeFixture.TOKEN).withHttp("127.0.0.1", 0).withKeyBits(2048);
        try (ScopeNode node = ScopeNode.start(settings)) {
            node.authorization().authorize("roamer@gate.test/spime", "test");
            GateConnection connection = GateConnection.open(ConnectionSettings.of(Jid.of("roamer@gate.test/spime"),
                    TestGate.PASSWORD, trust, "127.0.0.1", port).withReplyTimeout(Duration.ofSeconds(5)));
            SpimeOnConnection spime = new SpimeOnConnection(connection, gate, node.snid());
            try {
                Report before = spime.spime.report("before-restart", 430, "20.5");
                assertThat(spime.spime.send(before).isAck()).isTrue();

                gate.close();
                gate = SpimeGate.start(config);
                assertThat(node.isConnected()).as("the ScopeNode noticed the gate went away").isFalse();

                Report after = spime.spime.report("after-restart", 440, "20.0");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                Answer answer = null;
                while (System.nanoTime() < deadline) {
                    if (node.isConnected() && connection.isAuthenticated()) {
                        answer = spime.spime.send(after);
                        if (answer.isAck()) {
                            break;
                        }
                    }
                    Thread.sleep(250);
                }
                assertThat(answer).as("acknowledged after the restart").isNotNull()
                        .satisfies(a -> assertThat(a.isAck()).as(a.toString()).isTrue());
                assertThat(NodeFixture.readingsOf(node.store(), Jid.of("roamer@gate.test/spime")))
                        .extracting(r -> r.reportId()).containsExactlyInAnyOrder("before-restart", "after-restart");
            } finally {
                connection.close();
            }
        } finally {
            gate.close();
        }
    }

    /** A {@link TestSpime} over a connection the test made itself (to a gate that is not a TestGate). */
    private static final class SpimeOnConnection {
        final TestSpime spime;

        SpimeOnConnection(GateConnection connection, SpimeGate gate, Jid snid) throws Exception {
            this.spime = TestSpime.on(connection, gate.certification().trustAnchors(), snid);
        }
    }
}
