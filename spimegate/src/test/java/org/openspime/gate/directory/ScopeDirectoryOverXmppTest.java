package org.openspime.gate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.client.directory.ScopeDirectoryManager;
import org.openspime.client.directory.element.PublicScope;
import org.openspime.client.directory.element.ScopeVisibility;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.RawChildIQ;
import org.openspime.gate.testing.TestGate;

/**
 * The scope directory over real XMPP through a real gate (docs/protocol-directory.md): a ScopeNode announces, a
 * spime lists, a spime may not announce, malformed announcements are refused with the rule they broke, and after
 * each test the gate still answers a plain listing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScopeDirectoryOverXmppTest {
    static final String NS = "urn:openspime:scope-directory:1";
    static TestGate gate;
    static XMPPTCPConnection node;
    static XMPPTCPConnection spime;

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.start();
        gate.register(OsidKind.SCOPENODE, "co2node@gate.test/co2");
        node = gate.login("co2node@gate.test/co2", TestGate.PASSWORD);
        spime = gate.newClient("4a6b-5638@gate.test/spime");
    }

    @AfterAll
    static void stop() {
        node.disconnect();
        spime.disconnect();
        gate.close();
    }

    /** Whatever a test sent, the directory still answers others. */
    @AfterEach
    void gateKeepsServingOthers() throws Exception {
        assertThat(node.isAuthenticated() && spime.isAuthenticated()).isTrue();
        assertThat(ScopeDirectoryManager.getInstanceFor(spime).publicScopes()).isNotNull();
    }

    @Test
    void scopeNodeAnnouncesAndASpimeListsItOnlineWithItsDescription() throws Exception {
        ScopeDirectoryManager.getInstanceFor(node).announce("co2-classrooms", ScopeVisibility.PUBLIC, "CO2 in classrooms");
        PublicScope listed = ScopeDirectoryManager.getInstanceFor(spime).publicScopes().stream()
                .filter(s -> s.snid().toString().equals("co2node@gate.test/co2")).findFirst().orElseThrow();
        assertThat(listed).isEqualTo(new PublicScope("co2-classrooms", JidCreate.entityFullFrom("co2node@gate.test/co2"),
                "CO2 in classrooms", true, listed.announced()));
        assertThat(listed.announced()).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
    }

    @Test
    void laterAnnouncementReplacesTheEarlierAndPrivateScopesAreNotListed() throws Exception {
        gate.register(OsidKind.SCOPENODE, "noise@gate.test/db");
        XMPPTCPConnection noise = gate.login("noise@gate.test/db", TestGate.PASSWORD);
        try {
            ScopeDirectoryManager directory = ScopeDirectoryManager.getInstanceFor(noise);
            directory.announce("street-noise", ScopeVisibility.PUBLIC, "");
            assertThat(names()).contains("street-noise");
            directory.announce("street-noise", ScopeVisibility.PRIVATE, "moved to private");
            assertThat(names()).doesNotContain("street-noise");
            directory.announce("noise-levels", ScopeVisibility.PUBLIC, "dB(A) per street");
        } finally {
            noise.disconnect();
        }
        PublicScope offline = ScopeDirectoryManager.getInstanceFor(spime).publicScopes().stream()
                .filter(s -> s.name().equals("noise-levels")).findFirst().orElseThrow();
        assertThat(offline.online()).as("its ScopeNode has logged out").isFalse();
    }

    @Test
    void aSpimeTryingToAnnounceIsForbiddenAndNothingIsListed() throws Exception {
        assertThatThrownBy(() -> ScopeDirectoryManager.getInstanceFor(spime)
                .announce("fake-scope", ScopeVisibility.PUBLIC, "not a ScopeNode"))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                    assertThat(e.getStanzaError().getCondition()).isEqualTo(Condition.forbidden);
                    assertThat(e.getStanzaError().getDescriptiveText()).contains("is not a ScopeNode");
                });
        assertThat(names()).doesNotContain("fake-scope");
    }

    @Test
    void malformedAnnouncementsAreBadRequestsSayingWhichRule() throws Exception {
        assertBadRequest(" name='' visibility='public'>", "needs a 'name'");
        assertBadRequest(" name='" + "n".repeat(129) + "' visibility='public'>", "longer than 128");
        assertBadRequest(" name='tab&#9;here' visibility='public'>", "without control characters");
        assertBadRequest(" name='x' visibility='PUBLIC'>", "'public' or 'private', not 'PUBLIC'");
        assertBadRequest(" name='x'>", "not missing");
        assertBadRequest(" name='x' visibility='public'><description>" + "d".repeat(1025) + "</description>",
                "longer than 1024");
        assertBadRequest(" name='x' visibility='public'><extra/>", "nothing else");
        assertThat(names()).doesNotContain("x");
    }

    @Test
    void theGateAdvertisesTheDirectoryInDisco() throws Exception {
        assertThat(ServiceDiscoveryManager.getInstanceFor(spime).serverSupportsFeature(NS)).isTrue();
    }

    @Test
    void aListingIsNotAnAnnouncementAndViceVersa() throws Exception {
        RawChildIQ setScopes = new RawChildIQ(IQ.Type.set, JidCreate.domainBareFrom(TestGate.DOMAIN), "scopes", NS, ">");
        assertThatThrownBy(() -> node.sendIqRequestAndWaitForResponse(setScopes))
                .isInstanceOfSatisfying(XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(Condition.bad_request));
    }

    private static void assertBadRequest(String rest, String because) throws Exception {
        RawChildIQ iq = new RawChildIQ(IQ.Type.set, JidCreate.domainBareFrom(TestGate.DOMAIN), "announce", NS, rest);
        assertThatThrownBy(() -> node.sendIqRequestAndWaitForResponse(iq))
                .as("announce%s", rest.length() > 80 ? rest.substring(0, 80) + "…" : rest)
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                    assertThat(e.getStanzaError().getCondition()).isEqualTo(Condition.bad_request);
                    assertThat(e.getStanzaError().getDescriptiveText()).contains(because);
                });
    }

    private static List<String> names() throws Exception {
        return ScopeDirectoryManager.getInstanceFor(spime).publicScopes().stream().map(PublicScope::name).toList();
    }
}
