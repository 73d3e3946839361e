package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.TestGate;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.status.GateSnapshot;

/** The overview's figures from a running gate with real clients connected and talking. */
class LiveGateStatusTest {

    @Test
    void countsSessionsByKindAndReadsRatesAndErrorsFromTheGatesCounters() throws Exception {
        try (TestGate gate = TestGate.start()) {
            gate.register(OsidKind.SCOPENODE, "co2node@gate.test/co2");
            gate.register(OsidKind.SERVICE, "ranking@gate.test");
            gate.register(OsidKind.SPIME, "absent@gate.test/spime");
            List<XMPPTCPConnection> clients = new ArrayList<>();
            try (LiveGateStatus status = new LiveGateStatus("gate.test", gate.engine().registry(),
                    new JdbcOsidLookup(gate.gate().storage().database().dataSource()), gate.gate().meters(),
                    gate.gate().directory(), Clock.systemUTC())) {
                XMPPTCPConnection a = gate.newClient("a@gate.test/spime");
                XMPPTCPConnection b = gate.newClient("b@gate.test/spime");
                clients.add(a);
                clients.add(b);
                clients.add(gate.login("co2node@gate.test/co2", TestGate.PASSWORD));
                // A bare ServID binds a resource of its choosing; it still counts as a service.
                clients.add(gate.login("ranking@gate.test/instance-7", TestGate.PASSWORD));

                GateSnapshot idle = status.snapshot();
                assertThat(idle.domain()).isEqualTo("gate.test");
                assertThat(idle.connected()).containsEntry(IdentityKind.SPIME, 2).containsEntry(IdentityKind.SCOPENODE, 1)
                        .containsEntry(IdentityKind.SERVICE, 1);

                for (int i = 0; i < 300; i++) {
                    a.sendStanza(message("b@gate.test/spime", "reading " + i));
                }
                // to a registered full JID that is not connected: bounced with an error
                a.sendStanza(message("absent@gate.test/spime", "anyone?"));
                Thread.sleep(2_500);
                GateSnapshot busy = status.snapshot();
                assertThat(busy.stanzasPerSecond()).isGreaterThan(5);
                assertThat(busy.errorsLastMinute()).isGreaterThanOrEqualTo(1);

                clients.remove(b);
                b.disconnect();
                // the gate notices the closed stream asynchronously; give a loaded machine time
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (status.snapshot().connected().get(IdentityKind.SPIME) != 1 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(status.snapshot().connected()).containsEntry(IdentityKind.SPIME, 1);
            } finally {
                clients.forEach(XMPPTCPConnection::disconnect);
            }
        }
    }

    private static Message message(String to, String body) throws Exception {
        return MessageBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body).build();
    }
}
