package org.openspime.gate.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.gate.testing.TestGate;

/**
 * IQs between entities of the gate are routed without roster subscriptions (stock Vysper refuses them with
 * service-unavailable), and stanzas to an offline full JID bounce with an error instead of vanishing.
 */
class IqRoutingTest {
    private static TestGate gate;
    private static XMPPTCPConnection spime;
    private static XMPPTCPConnection scopeNode;

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.start();
        spime = gate.newClient("4a6b-5638@gate.test/spime");
        scopeNode = gate.newClient("co2node@gate.test/co2");
    }

    @AfterAll
    static void stop() {
        spime.disconnect();
        scopeNode.disconnect();
        gate.close();
    }

    @Test
    void iqBetweenEntitiesWithoutRosterLinkIsAnswered() throws Exception {
        assertThat(PingManager.getInstanceFor(spime).ping(scopeNode.getUser(), 10_000)).isTrue();
    }

    @Test
    void iqWithANamespaceTheServerKnowsIsStillRoutedToTheFullJid() throws Exception {
        VersionManager.getInstanceFor(scopeNode).setVersion("co2node", "1.2.3");
        Version version = VersionManager.getInstanceFor(spime).getVersion(scopeNode.getUser());
        assertThat(version.getName()).startsWith("co2node");
        assertThat(version.getVersion()).isEqualTo("1.2.3");
    }

    @Test
    void iqToOfflineFullJidBouncesWithServiceUnavailable() throws Exception {
        Ping ping = new Ping(JidCreate.entityFullFrom("co2node@gate.test/offline"));
        assertThatThrownBy(() -> spime.sendIqRequestAndWaitForResponse(ping))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                    assertThat((Object) e.getStanzaError().getCondition())
                            .isEqualTo(StanzaError.Condition.service_unavailable);
                    assertThat(e.getStanzaError().getDescriptiveText()).contains("is not online");
                });
    }

    @Test
    void iqToUnknownAccountBouncesWithServiceUnavailable() throws Exception {
        Ping ping = new Ping(JidCreate.entityFullFrom("nobody@gate.test/x"));
        assertThatThrownBy(() -> spime.sendIqRequestAndWaitForResponse(ping))
                .isInstanceOf(XMPPErrorException.class);
    }

    @Test
    void messageToOfflineFullJidBouncesWithAnErrorMessage() throws Exception {
        BlockingQueue<Message> errors = new LinkedBlockingQueue<>();
        StanzaListener listener = s -> errors.add((Message) s);
        spime.addAsyncStanzaListener(listener, MessageTypeFilter.ERROR);
        try {
            spime.sendStanza(spime.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.entityFullFrom("co2node@gate.test/offline")).setBody("hello").build());
            Message error = errors.poll(10, TimeUnit.SECONDS);
            assertThat(error).isNotNull();
            assertThat((Object) error.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
            assertThat(error.getFrom().toString()).isEqualTo("co2node@gate.test/offline");
        } finally {
            spime.removeAsyncStanzaListener(listener);
        }
    }

    @Test
    void resultIqGoesBackToTheRequester() throws Exception {
        IQ answer = spime.sendIqRequestAndWaitForResponse(new Ping(scopeNode.getUser()));
        assertThat(answer.getType()).isEqualTo(IQ.Type.result);
        assertThat(answer.getFrom().toString()).isEqualTo(scopeNode.getUser().toString());
    }
}
