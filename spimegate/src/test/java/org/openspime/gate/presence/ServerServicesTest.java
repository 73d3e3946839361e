package org.openspime.gate.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.gate.testing.TestGate;

/** What a standard client asks a server: ping (XEP-0199), disco (XEP-0030), version (XEP-0092). */
class ServerServicesTest {
    private static TestGate gate;
    private static XMPPTCPConnection client;

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.start();
        client = gate.newClient("probe@gate.test/spime");
    }

    @AfterAll
    static void stop() {
        client.disconnect();
        gate.close();
    }

    @Test
    void serverAnswersPing() throws Exception {
        assertThat(PingManager.getInstanceFor(client).pingMyServer(true, 10_000)).isTrue();
    }

    @Test
    void serverDiscoListsItsFeaturesAndTheCertificationService() throws Exception {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(client);
        DiscoverInfo info = disco.discoverInfo(JidCreate.domainBareFrom(TestGate.DOMAIN));
        assertThat(info.containsFeature("urn:xmpp:ping")).isTrue();
        assertThat(info.containsFeature("jabber:iq:version")).isTrue();
        DiscoverItems items = disco.discoverItems(JidCreate.domainBareFrom(TestGate.DOMAIN));
        assertThat(items.getItems()).anySatisfy(i ->
                assertThat(i.getEntityID().toString()).isEqualTo("certification." + TestGate.DOMAIN));
    }

    @Test
    void serverAnswersSoftwareVersion() throws Exception {
        assertThat(VersionManager.getInstanceFor(client).getVersion(JidCreate.domainBareFrom(TestGate.DOMAIN)))
                .isNotNull();
    }
}
