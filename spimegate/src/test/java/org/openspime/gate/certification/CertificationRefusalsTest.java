package org.openspime.gate.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.openspime.certification.Jid;
import org.openspime.certification.NoKeyPublishedException;
import org.openspime.certification.StanzaError;
import org.openspime.certification.attestation.Attestor;
import org.openspime.certification.attestation.CertificationKey;
import org.openspime.certification.codec.PubKeyCodec;
import org.openspime.certification.element.KeyQuery;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.Namespaces;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.element.Timestamps;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.certification.CertificationManager;
import org.openspime.client.certification.CertificationRefusedException;
import org.openspime.gate.testing.RawChildIQ;

/**
 * Bad input to the certification service over XMPP: each is refused with the stanza error the protocol reference
 * gives (condition, type and a text naming the problem), stores nothing, and the service goes on answering others.
 */
class CertificationRefusalsTest {
    private static CertifyingGate gate;
    private static XMPPTCPConnection mallory;
    private static XMPPTCPConnection bystander;
    private static Jid honest;

    @BeforeAll
    static void start() throws Exception {
        gate = CertifyingGate.start();
        mallory = gate.client("mallory@gate.test/spime");
        bystander = gate.client("co2node@gate.test/co2");
        XMPPTCPConnection spime = gate.client("4a6b-5638@gate.test/spime");
        honest = Jid.of(spime.getUser().toString());
        CertificationManager.getInstanceFor(spime).publish(TestKeyPairs.named("honest").getPublic(), Duration.ofDays(10));
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    /** Whatever a test sent, the service still answers someone else. */
    @AfterEach
    void serviceKeepsServingOthers() throws Exception {
        assertThat(cert(bystander).query(honest, KeyQuery.Subscription.UNCHANGED).keys()).isNotEmpty();
    }

    static CertificationManager cert(XMPPTCPConnection c) {
        return CertifyingGate.certification(c);
    }

    static Jid malloryJid() {
        return Jid.of(mallory.getUser().toString());
    }

    Instant now() {
        return Timestamps.canonical(gate.clock().instant());
    }

    PubKey key(String name, Duration life) {
        return new PubKey(malloryJid(), (RSAPublicKey) TestKeyPairs.named(name).getPublic(), now(), now().plus(life));
    }

    static XMPPErrorException sendRaw(String element) {
        try {
            mallory.sendIqRequestAndWaitForResponse(RawChildIQ.of(IQ.Type.set, JidCreate.domainBareFrom("certification.gate.test"),
                    "pubkey", Namespaces.PUBKEY, element));
        } catch (XMPPErrorException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected an error answer, got " + e, e);
        }
        throw new AssertionError("expected an error answer, got a result");
    }

    static void assertError(XMPPErrorException e, Condition condition, String type, String text) {
        assertThat((Object) e.getStanzaError().getCondition()).isEqualTo(condition);
        assertThat(e.getStanzaError().getType().toString()).isEqualTo(type);
        assertThat(e.getStanzaError().getDescriptiveText()).contains(text);
    }

    static void assertRefused(ThrowingCall call, StanzaError error, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CertificationRefusedException.class, e -> {
            assertThat(e.stanzaError()).isEqualTo(error);
            assertThat(e).hasMessageContaining(text);
        });
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void truncatedKeyIsBadRequest() {
        PubKey pubKey = key("truncated", Duration.ofDays(10));
        String full = Base64.getEncoder().encodeToString(pubKey.key().getEncoded());
        String xml = PubKeyCodec.toXml(pubKey).replace(full, full.substring(0, full.length() / 2));
        assertError(sendRaw(xml), Condition.bad_request, "modify", "");
    }

    @Test
    void garbageInTheKeyElementIsBadRequest() {
        PubKey pubKey = key("garbage", Duration.ofDays(10));
        String full = Base64.getEncoder().encodeToString(pubKey.key().getEncoded());
        assertError(sendRaw(PubKeyCodec.toXml(pubKey).replace(full, "not*base64!")), Condition.bad_request, "modify", "");
    }

    @Test
    void fingerprintThatDoesNotMatchTheKeyIsBadRequest() {
        PubKey pubKey = key("mismatch", Duration.ofDays(10));
        String other = Fingerprint.of(TestKeyPairs.named("honest").getPublic()).toString();
        String xml = PubKeyCodec.toXml(pubKey).replace(pubKey.fingerprint().toString(), other);
        assertError(sendRaw(xml), Condition.bad_request, "modify", "does not match the key");
    }

    @Test
    void missingValidityAttributeIsBadRequest() {
        PubKey pubKey = key("no-end", Duration.ofDays(10));
        String xml = PubKeyCodec.toXml(pubKey).replace(" end='" + Timestamps.format(pubKey.end()) + "'", "");
        assertError(sendRaw(xml), Condition.bad_request, "modify", "end");
    }

    @Test
    void keyShorterThan2048BitsIsNotAcceptable() {
        KeyPair small = TestKeyPairs.generate(1024);
        PubKey pubKey = new PubKey(malloryJid(), (RSAPublicKey) small.getPublic(), now(), now().plus(Duration.ofDays(1)));
        assertRefused(() -> cert(mallory).publish(pubKey), StanzaError.NOT_ACCEPTABLE, "1024");
    }

    @Test
    void publishingForAnotherJidIsForbidden() {
        PubKey forOther = new PubKey(honest, (RSAPublicKey) TestKeyPairs.named("usurper").getPublic(), now(),
                now().plus(Duration.ofDays(1)));
        assertRefused(() -> cert(mallory).publish(forOther), StanzaError.FORBIDDEN, "may not publish a key for " + honest);
        assertThatThrownBy(() -> cert(mallory).query(honest, KeyQuery.Subscription.UNCHANGED).keys().stream()
                .filter(r -> r.pubKey().fingerprint().equals(forOther.fingerprint())).findAny().orElseThrow())
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void validityThatIsOverOrBeginsInThePastIsNotAcceptable() {
        RSAPublicKey k = (RSAPublicKey) TestKeyPairs.named("past").getPublic();
        PubKey over = new PubKey(malloryJid(), k, now().minus(Duration.ofDays(2)), now().minus(Duration.ofDays(1)));
        assertRefused(() -> cert(mallory).publish(over), StanzaError.NOT_ACCEPTABLE, "already over");
        PubKey backdated = new PubKey(malloryJid(), k, now().minus(Duration.ofHours(1)), now().plus(Duration.ofDays(1)));
        assertRefused(() -> cert(mallory).publish(backdated), StanzaError.NOT_ACCEPTABLE, "begins in the past");
    }

    @Test
    void validityBeyondTheConfiguredMaximumKeyLifeIsNotAcceptable() {
        PubKey tooLong = key("too-long", CertifyingGate.MAX_KEY_LIFE.plusDays(1));
        assertRefused(() -> cert(mallory).publish(tooLong), StanzaError.NOT_ACCEPTABLE, "maximum key life of 30 days");
    }

    @Test
    void forgedAttestationInAPublicationIsNotAcceptable() throws Exception {
        PubKey pubKey = key("forged-attestation", Duration.ofDays(10));
        Attestor forger = new Attestor(new CertificationKey(gate.certification().jid(), TestKeyPairs.named("forger")));
        String xml = PubKeyCodec.toXml(new KeyRecord(pubKey, List.of(forger.attest(pubKey, now())), Optional.empty()));
        assertError(sendRaw(xml), Condition.not_acceptable, "modify", "forged or replayed");
    }

    @Test
    void attestationReplayedFromAnotherKeyIsNotAcceptable() throws Exception {
        KeyRecord genuine = cert(mallory).publish(key("genuine", Duration.ofDays(10)));
        PubKey other = key("other", Duration.ofDays(10));
        String xml = PubKeyCodec.toXml(new KeyRecord(other, genuine.attestations(), Optional.empty()));
        assertError(sendRaw(xml), Condition.not_acceptable, "modify", "forged or replayed");
    }

    @Test
    void republishingARevokedKeyIsNotAcceptable() throws Exception {
        PubKey pubKey = key("replayed", Duration.ofDays(10));
        cert(mallory).publish(pubKey);
        cert(mallory).revoke(pubKey.fingerprint(), RevocationReason.KEY_COMPROMISE);
        assertRefused(() -> cert(mallory).publish(pubKey), StanzaError.NOT_ACCEPTABLE, "was revoked");
    }

    @Test
    void aKeyAlreadyBoundToAnotherJidIsAConflict() throws Exception {
        XMPPTCPConnection twin = gate.client("twin@gate.test/spime");
        PubKey mine = key("bound-once", Duration.ofDays(10));
        cert(mallory).publish(mine);
        PubKey same = new PubKey(Jid.of(twin.getUser().toString()), mine.key(), now(), now().plus(Duration.ofDays(10)));
        assertRefused(() -> cert(twin).publish(same), StanzaError.CONFLICT, "already bound to another JID");
    }

    @Test
    void revokingSomeoneElsesKeyIsForbiddenAndAnUnknownOneIsItemNotFound() {
        Fingerprint honests = Fingerprint.of(TestKeyPairs.named("honest").getPublic());
        assertRefused(() -> cert(mallory).revoke(honests, RevocationReason.KEY_COMPROMISE), StanzaError.FORBIDDEN,
                "may not revoke a key for " + honest);
        assertThatThrownBy(() -> cert(mallory).revoke(Fingerprint.of(TestKeyPairs.named("never").getPublic()),
                RevocationReason.UNSPECIFIED)).isInstanceOf(NoKeyPublishedException.class);
    }

    @Test
    void aKnownPayloadInTheWrongIqTypeIsFeatureNotImplemented() throws Exception {
        PubKey pubKey = key("wrong-type", Duration.ofDays(10));
        String xml = PubKeyCodec.toXml(pubKey);
        assertThatThrownBy(() -> mallory.sendIqRequestAndWaitForResponse(RawChildIQ.of(IQ.Type.get,
                JidCreate.domainBareFrom("certification.gate.test"), "pubkey", Namespaces.PUBKEY, xml)))
                .isInstanceOfSatisfying(XMPPErrorException.class,
                        e -> assertError(e, Condition.feature_not_implemented, "cancel", "IQ set"));
    }

    @Test
    void tooManyCurrentKeysIsResourceConstraint() throws Exception {
        XMPPTCPConnection hoarder = gate.client("hoarder@gate.test/spime");
        for (int i = 0; i < 4; i++) {
            cert(hoarder).publish(TestKeyPairs.named("hoard-" + i).getPublic(), Duration.ofDays(1));
        }
        assertRefused(() -> cert(hoarder).publish(TestKeyPairs.named("hoard-4").getPublic(), Duration.ofDays(1)),
                StanzaError.RESOURCE_CONSTRAINT, "limit is 4");
    }

    @Test
    void anIqTheServiceDoesNotOfferIsServiceUnavailableForTheClient() {
        assertThatThrownBy(() -> mallory.sendIqRequestAndWaitForResponse(new RawChildIQ(IQ.Type.get,
                JidCreate.domainBareFrom("certification.gate.test"), "query", "urn:example:unknown", ">")))
                .isInstanceOfSatisfying(XMPPErrorException.class,
                        e -> assertThat((Object) e.getStanzaError().getCondition()).isEqualTo(Condition.service_unavailable));
    }
}
