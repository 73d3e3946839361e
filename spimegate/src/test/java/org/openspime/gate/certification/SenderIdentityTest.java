package org.openspime.gate.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.Timestamps;
import org.openspime.client.certification.element.PubKeyIQ;
import org.openspime.client.certification.element.RevokeIQ;
import org.openspime.certification.element.RevocationRequest;

/**
 * The publisher is the session's bound full JID, never the stanza's {@code from}. A bridge account holds several
 * SpimeIDs ({@code gateway@gate.test/spime1}, {@code /spime2}); Vysper accepts a {@code from} naming any resource
 * the account has bound, so without this {@code spime1} could publish or revoke as {@code spime2}.
 */
class SenderIdentityTest {
    private static CertifyingGate gate;
    private static XMPPTCPConnection spime1;
    private static XMPPTCPConnection spime2;

    @BeforeAll
    static void start() throws Exception {
        gate = CertifyingGate.start();
        spime1 = gate.client("gateway@gate.test/spime1");
        spime2 = gate.client("gateway@gate.test/spime2");
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    static Jid jid(XMPPTCPConnection c) {
        return Jid.of(c.getUser().toString());
    }

    PubKey keyFor(Jid jid, String name) {
        Instant now = Timestamps.canonical(gate.clock().instant());
        return new PubKey(jid, (RSAPublicKey) TestKeyPairs.named(name).getPublic(), now, now.plus(Duration.ofDays(5)));
    }

    @Test
    void aForgedFromNamingAnotherBoundResourceOfTheAccountDoesNotMakeThePublisherThatResource() throws Exception {
        PubKey pubKey = keyFor(jid(spime2), "forged-from");
        PubKeyIQ forged = PubKeyIQ.publish(pubKey, JidCreate.domainBareFrom("certification.gate.test"));
        forged.setFrom(spime2.getUser());
        assertThatThrownBy(() -> spime1.sendIqRequestAndWaitForResponse(forged))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                    assertThat((Object) e.getStanzaError().getCondition()).isEqualTo(Condition.forbidden);
                    assertThat(e.getStanzaError().getDescriptiveText())
                            .contains("gateway@gate.test/spime1 may not publish a key for gateway@gate.test/spime2");
                });
        assertThat(gate.certification().service().publish(jid(spime2), keyFor(jid(spime2), "unrelated")).pubKey().jid())
                .isEqualTo(jid(spime2)); // spime2 itself may
        assertThat(CertifyingGate.certification(spime1).query(jid(spime2), KeyQuery.Subscription.UNCHANGED).keys())
                .noneSatisfy(r -> assertThat(r.pubKey().fingerprint()).isEqualTo(pubKey.fingerprint()));
    }

    @Test
    void aForgedFromCannotRevokeAnotherResourcesKey() throws Exception {
        PubKey own = keyFor(jid(spime2), "victim");
        CertifyingGate.certification(spime2).publish(own);
        RevokeIQ forged = RevokeIQ.request(new RevocationRequest(own.fingerprint(), RevocationReason.KEY_COMPROMISE),
                JidCreate.domainBareFrom("certification.gate.test"));
        forged.setFrom(spime2.getUser());
        assertThatThrownBy(() -> spime1.sendIqRequestAndWaitForResponse(forged))
                .isInstanceOfSatisfying(XMPPErrorException.class,
                        e -> assertThat((Object) e.getStanzaError().getCondition()).isEqualTo(Condition.forbidden));
        assertThat(CertifyingGate.certification(spime1).query(jid(spime2), KeyQuery.Subscription.UNCHANGED).keys())
                .singleElement().satisfies(r -> assertThat(r.isRevoked()).isFalse());
    }

    @Test
    void eachResourcePublishesForItselfAndTheAccountMayPublishForItsBareJid() throws Exception {
        CertifyingGate.certification(spime1).publish(keyFor(jid(spime1), "resource-1"));
        assertThat(CertifyingGate.certification(spime1).publish(keyFor(jid(spime1).bare(), "account")).pubKey().jid())
                .isEqualTo(jid(spime1).bare());
    }
}
