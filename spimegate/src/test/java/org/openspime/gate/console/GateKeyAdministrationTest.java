package org.openspime.gate.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.element.Attestation;
import org.openspime.certification.element.KeyRecord;
import org.openspime.certification.element.PubKey;
import org.openspime.certification.element.Revocation;
import org.openspime.certification.element.RevocationReason;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityRefused.Reason;
import org.openspime.web.key.KeyState;
import org.openspime.web.key.KeyView;

/**
 * The console's view of a certification service's keys through {@link GateKeyDirectory}, and the refusal of a
 * gate that has none. The directory here is a list of real certification records; the real service plugs in the
 * same interface.
 */
class GateKeyAdministrationTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Jid GATE = Jid.of("certification.gate.example");
    static final Jid DEVICE = Jid.of("4a6b-5638@gate.example/spime");
    static RSAPublicKey older;
    static RSAPublicKey newer;
    static RSAPublicKey lapsed;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        older = (RSAPublicKey) rsa.generateKeyPair().getPublic();
        newer = (RSAPublicKey) rsa.generateKeyPair().getPublic();
        lapsed = (RSAPublicKey) rsa.generateKeyPair().getPublic();
    }

    /** Records in a list; revoking attaches a revocation, as the service's store would keep it. */
    static final class ListedKeys implements GateKeyDirectory {
        final List<KeyRecord> records = new ArrayList<>();
        final List<RevocationReason> revoked = new ArrayList<>();

        @Override
        public List<KeyRecord> keysOf(Jid jid) {
            return records.stream().filter(r -> r.pubKey().jid().equals(jid)).toList();
        }

        @Override
        public Revocation revoke(Fingerprint fingerprint, RevocationReason reason) throws CertificationException {
            for (int i = 0; i < records.size(); i++) {
                KeyRecord r = records.get(i);
                if (r.pubKey().fingerprint().equals(fingerprint)) {
                    Revocation v = new Revocation(r.pubKey().jid(), fingerprint, NOW, reason, GATE, fingerprint, new byte[] {1});
                    records.set(i, r.revokedBy(v));
                    revoked.add(reason);
                    return v;
                }
            }
            throw new AssertionError("unknown fingerprint " + fingerprint);
        }

        @Override
        public KeyRecord publish(Jid jid, RSAPublicKey key) {
            Attestation attestation = new Attestation(GATE, Fingerprint.of(key), NOW, new byte[] {7});
            KeyRecord r = new KeyRecord(new PubKey(jid, key, NOW, NOW.plus(java.time.Duration.ofDays(30))),
                    List.of(attestation), Optional.empty());
            records.add(r);
            return r;
        }
    }

    private static KeyRecord record(RSAPublicKey key, Instant begin, Instant end) {
        Attestation attestation = new Attestation(GATE, Fingerprint.of(key), begin.plusSeconds(1), new byte[] {7});
        return new KeyRecord(new PubKey(DEVICE, key, begin, end), List.of(attestation), Optional.empty());
    }

    @Test
    void keysAreShownNewestFirstWithStateAndARevocationReachesTheService() {
        ListedKeys directory = new ListedKeys();
        directory.records.add(record(older, NOW.minus(200, ChronoUnit.DAYS), NOW.plus(100, ChronoUnit.DAYS)));
        directory.records.add(record(lapsed, NOW.minus(400, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS)));
        directory.records.add(record(newer, NOW.minus(10, ChronoUnit.DAYS), NOW.plus(355, ChronoUnit.DAYS)));
        GateKeyAdministration keys = new GateKeyAdministration(directory, Clock.fixed(NOW, ZoneOffset.UTC));

        List<KeyView> shown = keys.keysOf("4A6B-5638@gate.example/spime");
        assertThat(shown).extracting(KeyView::fingerprint).containsExactly(Fingerprint.of(newer).toString(),
                Fingerprint.of(older).toString(), Fingerprint.of(lapsed).toString());
        assertThat(shown).extracting(KeyView::state).containsExactly(KeyState.VALID, KeyState.VALID, KeyState.EXPIRED);
        assertThat(shown.get(0)).extracting(KeyView::algorithm, KeyView::bits, KeyView::attestedBy)
                .containsExactly("RSA", 2048, Optional.of("certification.gate.example"));

        keys.revoke(DEVICE.toString(), Fingerprint.of(older).toString().toLowerCase(), "key-compromise");
        keys.revoke(DEVICE.toString(), Fingerprint.of(newer).toString(), "device lost on the roof");
        assertThat(directory.revoked).containsExactly(RevocationReason.KEY_COMPROMISE, RevocationReason.UNSPECIFIED);
        KeyView revoked = keys.keysOf(DEVICE.toString()).get(1);
        assertThat(revoked.state()).isEqualTo(KeyState.REVOKED);
        assertThat(revoked.revoked()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("key-compromise"));
    }

    @Test
    void aKeyOfAnotherEntityOrAMalformedFingerprintIsRefused() {
        ListedKeys directory = new ListedKeys();
        directory.records.add(record(older, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS)));
        GateKeyAdministration keys = new GateKeyAdministration(directory, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> keys.revoke("other@gate.example/spime", Fingerprint.of(older).toString(), "x"))
                .isInstanceOfSatisfying(IdentityRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> keys.revoke(DEVICE.toString(), "AB:CD", "x"))
                .isInstanceOfSatisfying(IdentityRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        assertThatThrownBy(() -> keys.keysOf("no at sign/"))
                .isInstanceOfSatisfying(IdentityRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JID));
        assertThat(directory.revoked).isEmpty();
    }

}
