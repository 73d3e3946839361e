package org.openspime.client.report.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openspime.client.report.Fixtures.SCOPE;
import static org.openspime.client.report.Fixtures.SNID;
import static org.openspime.client.report.Fixtures.SPIME;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openspime.client.report.Fixtures;
import org.openspime.client.report.UnknownTransportKeyException;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.TransportKey;

/** Reports sealed by a spime open at the ScopeNode, through the XML, in every combination a scope may allow. */
class ReportSealingTest {

    static OpenedReport throughXml(ReportOpener opener, ReportEnvelope envelope) throws Exception {
        return opener.open(EnvelopeCodec.parse(EnvelopeCodec.toXml(envelope), ReportLimits.DEFAULT), SPIME);
    }

    @Test
    void signedAndEncryptedReportRoundTrips() throws Exception {
        Report report = Fixtures.co2Report("r1");
        ReportEnvelope sealed = Parties.sealer().sealEncrypted(report, Parties.SCOPENODE);
        assertThat(sealed.signed()).isTrue();
        assertThat(sealed.encrypted()).isTrue();
        assertThat(sealed.transport().key().orElseThrow().wrapped()).isPresent();
        OpenedReport opened = throughXml(Parties.opener(), sealed);
        assertThat(opened.report()).isEqualTo(report);
        assertThat(opened.signerKey()).contains(org.openspime.certification.keys.Fingerprint.of(Fixtures.SPIME_KEYS.getPublic()));
        assertThat(opened.dataDigestHex()).hasSize(64);
    }

    @Test
    void signedPlainReportRoundTripsWhereTheScopeAllowsPlain() throws Exception {
        Report report = Fixtures.co2Report("r2");
        ReportOpener opener = Parties.opener(new ScopeRequirements(SCOPE, true, false, ReportLimits.DEFAULT), new TransportKeyCache());
        OpenedReport opened = throughXml(opener, Parties.sealer().sealPlain(report, SNID));
        assertThat(opened.report()).isEqualTo(report);
        assertThat(opened.encrypted()).isFalse();
    }

    @Test
    void unsignedPlainReportRoundTripsWhereTheScopeAllowsBoth() throws Exception {
        Report report = Fixtures.co2Report("r3");
        ReportSealer sealer = new ReportSealer(SPIME, Optional.empty(), SessionKeyPolicy.DEFAULT, Parties.CLOCK, new java.security.SecureRandom());
        ReportEnvelope sealed = sealer.sealPlain(report, SNID);
        assertThat(EnvelopeCodec.toXml(sealed)).contains("<originator jid='4a6b-5638@gate.example/spime'/>");
        ReportOpener opener = Parties.opener(new ScopeRequirements(SCOPE, false, false, ReportLimits.DEFAULT), new TransportKeyCache());
        assertThat(throughXml(opener, sealed).signerKey()).isEmpty();
        assertThat(throughXml(opener, sealer.sealEncrypted(report, Parties.SCOPENODE)).report()).isEqualTo(report);
    }

    @Test
    void sessionKeyIsSentUntilAcknowledgedThenOnlyReferencedAndUnwrappedOnce() throws Exception {
        ReportSealer sealer = Parties.sealer();
        TransportKeyCache cache = new TransportKeyCache();
        ReportOpener opener = Parties.opener(ScopeRequirements.strict(SCOPE), cache);
        ReportEnvelope first = sealer.sealEncrypted(Fixtures.co2Report("s1"), Parties.SCOPENODE);
        ReportEnvelope second = sealer.sealEncrypted(Fixtures.co2Report("s2"), Parties.SCOPENODE);
        TransportKey k1 = first.transport().key().orElseThrow();
        assertThat(second.transport().key().orElseThrow().wrapped()).as("not yet acknowledged: still carries the key").isPresent();
        assertThat(second.transport().key().orElseThrow().keyId()).isEqualTo(k1.keyId());
        assertThat(second.transport().nonce().orElseThrow()).isNotEqualTo(first.transport().nonce().orElseThrow());

        throughXml(opener, first);
        sealer.acknowledged(first);
        ReportEnvelope third = sealer.sealEncrypted(Fixtures.co2Report("s3"), Parties.SCOPENODE);
        assertThat(third.transport().key().orElseThrow()).isEqualTo(k1.referenceOnly());
        assertThat(EnvelopeCodec.toXml(third)).contains("<key key-id='" + k1.keyId() + "' recipient-key='" + k1.recipientKey() + "'/>");

        assertThat(throughXml(opener, third).report().id().value()).isEqualTo("s3");
        assertThat(throughXml(opener, second).report().id().value()).as("same wrapped key again: cache hit").isEqualTo("s2");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void scopeNodeThatForgotTheKeyAsksForItAndTheResealedReportHasTheSameDigest() throws Exception {
        ReportSealer sealer = Parties.sealer();
        Report report = Fixtures.co2Report("f1");
        ReportEnvelope first = sealer.sealEncrypted(report, Parties.SCOPENODE);
        OpenedReport before = throughXml(Parties.opener(), first);
        sealer.acknowledged(first);
        ReportEnvelope referenceOnly = sealer.sealEncrypted(report, Parties.SCOPENODE);
        ReportOpener restarted = Parties.opener();
        assertThatThrownBy(() -> throughXml(restarted, referenceOnly)).isInstanceOf(UnknownTransportKeyException.class)
                .hasMessageContaining("resend with the wrapped key");
        sealer.keyRefused(SNID);
        ReportEnvelope resealed = sealer.sealEncrypted(report, Parties.SCOPENODE);
        assertThat(resealed.transport().key().orElseThrow().keyId()).isNotEqualTo(first.transport().key().orElseThrow().keyId());
        assertThat(throughXml(restarted, resealed).dataDigest()).isEqualTo(before.dataDigest());
    }

    @Test
    void aKeyRefusalOfAReportFromAnEarlierSessionKeepsTheCurrentSession() throws Exception {
        ReportSealer sealer = Parties.sealer();
        ReportEnvelope old1 = sealer.sealEncrypted(Fixtures.co2Report("o1"), Parties.SCOPENODE);
        ReportEnvelope old2 = sealer.sealEncrypted(Fixtures.co2Report("o2"), Parties.SCOPENODE);

        assertThat(sealer.keyRefused(old1)).as("refused under the current session: forgotten").isTrue();
        ReportEnvelope resealed1 = sealer.sealEncrypted(Fixtures.co2Report("o1"), Parties.SCOPENODE);
        assertThat(sealer.keyRefused(old2)).as("refused under an earlier session: the current one stays").isFalse();
        ReportEnvelope resealed2 = sealer.sealEncrypted(Fixtures.co2Report("o2"), Parties.SCOPENODE);

        String oldKey = old1.transport().key().orElseThrow().keyId();
        String newKey = resealed1.transport().key().orElseThrow().keyId();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(resealed2.transport().key().orElseThrow().keyId()).isEqualTo(newKey);
        assertThat(resealed2.transport().key().orElseThrow().wrapped()).as("not acknowledged yet: carries the key").isPresent();
        assertThat(throughXml(Parties.opener(), resealed2).report().id().value()).isEqualTo("o2");
    }

    @Test
    void sessionKeyIsReplacedWhenItsMessageBudgetOrAgeIsSpent() throws Exception {
        ReportSealer sealer = Parties.sealer(new SessionKeyPolicy(2, Duration.ofHours(1)));
        String k1 = sealer.sealEncrypted(Fixtures.co2Report("b1"), Parties.SCOPENODE).transport().key().orElseThrow().keyId();
        String k2 = sealer.sealEncrypted(Fixtures.co2Report("b2"), Parties.SCOPENODE).transport().key().orElseThrow().keyId();
        String k3 = sealer.sealEncrypted(Fixtures.co2Report("b3"), Parties.SCOPENODE).transport().key().orElseThrow().keyId();
        assertThat(k2).isEqualTo(k1);
        assertThat(k3).isNotEqualTo(k1);
        assertThatThrownBy(() -> new SessionKeyPolicy((1L << 32) + 1, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionKeyFollowsARotationOfTheScopeNodesKey() throws Exception {
        ReportSealer sealer = Parties.sealer();
        String k1 = sealer.sealEncrypted(Fixtures.co2Report("k1"), Parties.SCOPENODE).transport().key().orElseThrow().keyId();
        Recipient rotated = Recipient.of(SNID, (java.security.interfaces.RSAPublicKey) Fixtures.OTHER_SCOPENODE_KEYS.getPublic());
        ReportEnvelope after = sealer.sealEncrypted(Fixtures.co2Report("k2"), rotated);
        assertThat(after.transport().key().orElseThrow().keyId()).isNotEqualTo(k1);
        ReportOpener both = new ReportOpener(SNID, ScopeRequirements.strict(SCOPE),
                RecipientKeys.of(Fixtures.OTHER_SCOPENODE_KEYS, Fixtures.SCOPENODE_KEYS), Parties.SENDER_KEYS, new TransportKeyCache(), Parties.CLOCK);
        assertThat(throughXml(both, after).report().id().value()).isEqualTo("k2");
    }

    @Test
    void concurrentSealersNeverExceedTheKeyBudgetNorRepeatANonce() throws Exception {
        ReportSealer sealer = Parties.sealer(new SessionKeyPolicy(25, Duration.ofHours(1)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<ReportEnvelope>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "c" + i;
            futures.add(pool.submit(() -> sealer.sealEncrypted(Fixtures.co2Report(id), Parties.SCOPENODE)));
        }
        java.util.Map<String, Integer> perKey = new java.util.HashMap<>();
        java.util.Set<String> nonces = new java.util.HashSet<>();
        ReportOpener opener = Parties.opener();
        for (java.util.concurrent.Future<ReportEnvelope> f : futures) {
            ReportEnvelope e = f.get();
            perKey.merge(e.transport().key().orElseThrow().keyId(), 1, Integer::sum);
            assertThat(nonces.add(java.util.HexFormat.of().formatHex(e.transport().nonce().orElseThrow()))).isTrue();
            assertThat(opener.open(e, SPIME).report().id()).isEqualTo(e.id());
        }
        pool.shutdown();
        assertThat(perKey.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(25));
        assertThat(perKey).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void batchOfAThousandReadingsRoundTrips() throws Exception {
        Report batch = Fixtures.batch("big", 1000);
        ReportEnvelope sealed = Parties.sealer().sealEncrypted(batch, Parties.SCOPENODE);
        assertThat(EnvelopeCodec.toXml(sealed).length()).isLessThan(256 * 1024);
        OpenedReport opened = throughXml(Parties.opener(), sealed);
        assertThat(opened.report()).isEqualTo(batch);
        assertThat(opened.report().valueCount()).isEqualTo(2000);
    }

    @Test
    void aSealerOnlySealsItsOwnSpimesReports() {
        assertThatThrownBy(() -> Parties.mallory().sealEncrypted(Fixtures.co2Report("x"), Parties.SCOPENODE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("this sealer seals for mallory");
    }
}
