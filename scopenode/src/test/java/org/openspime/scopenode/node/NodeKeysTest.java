package org.openspime.scopenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.client.report.UnknownTransportKeyException;
import org.openspime.client.report.crypto.Recipient;
import org.openspime.client.report.crypto.ReportOpener;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.crypto.ScopeRequirements;
import org.openspime.client.report.crypto.TransportKeyCache;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Value;

class NodeKeysTest {

    private static final Jid SNID = Jid.of("node@gate.example/co2");
    private static final Jid SPIME = Jid.of("s@gate.example/spime");

    @TempDir
    Path dataDir;

    @Test
    void theKeyPairIsGeneratedOnceAndFoundAgainWithItsSecretOwnerOnly() throws Exception {
        NodeKeys first = NodeKeys.openOrCreate(dataDir, 2048);
        Fingerprint fingerprint = first.fingerprint();
        assertThat(((RSAPublicKey) first.current().getPublic()).getModulus().bitLength()).isEqualTo(2048);

        assertThat(NodeKeys.openOrCreate(dataDir, 2048).fingerprint()).isEqualTo(fingerprint);
        assertThat(NodeKeys.open(dataDir).fingerprint()).isEqualTo(fingerprint);
        Path secret = dataDir.resolve("keys").resolve("passphrase");
        assertThat(Files.getPosixFilePermissions(secret))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThatThrownBy(() -> NodeKeys.open(dataDir.resolve("elsewhere"))).hasMessageContaining("scopenode init");
    }

    @Test
    void afterARotationReportsWrappedToThePreviousKeyStillOpenAndOnlyWhileItIsHeld() throws Exception {
        NodeKeys keys = NodeKeys.openOrCreate(dataDir, 2048);
        KeyPair old = keys.current();
        ReportEnvelope toOld = ReportSealer.unsigned(SPIME).sealEncrypted(report("r-1"),
                Recipient.of(SNID, (RSAPublicKey) old.getPublic()));

        KeyPair next = keys.rotate(2048);
        assertThat(keys.fingerprint()).isEqualTo(Fingerprint.of(next.getPublic()));
        assertThat(keys.previous()).hasValueSatisfying(p -> assertThat(p.getPublic()).isEqualTo(old.getPublic()));
        assertThat(opener(keys).open(toOld, SPIME).report().id().value()).isEqualTo("r-1");

        keys.rotate(2048);
        ReportEnvelope stillToOld = ReportSealer.unsigned(SPIME).sealEncrypted(report("r-2"),
                Recipient.of(SNID, (RSAPublicKey) old.getPublic()));
        assertThatThrownBy(() -> opener(keys).open(stillToOld, SPIME))
                .as("two rotations later the first key is gone").isInstanceOf(UnknownTransportKeyException.class);
    }

    @Test
    void aRotationByAnotherProcessIsNoticed() throws Exception {
        NodeKeys daemon = NodeKeys.openOrCreate(dataDir, 2048);
        assertThat(daemon.reloadIfChanged()).isFalse();
        Thread.sleep(20); // file times have millisecond resolution at least
        KeyPair rotated = NodeKeys.open(dataDir).rotate(2048);
        assertThat(daemon.reloadIfChanged()).isTrue();
        assertThat(daemon.current().getPublic()).isEqualTo(rotated.getPublic());
    }

    private static ReportOpener opener(NodeKeys keys) {
        return new ReportOpener(SNID, new ScopeRequirements("co2", false, true,
                org.openspime.client.report.codec.ReportLimits.DEFAULT), keys.recipientKeys(),
                (sender, fingerprint, at) -> {
                    throw new AssertionError("unsigned reports need no sender key");
                }, new TransportKeyCache(), Clock.systemUTC());
    }

    private static Report report(String id) {
        return new Report(ReportId.of(id), SPIME, "co2", List.of(Reading.at(Instant.now(),
                Value.integer("co2", 415, "ppm"))));
    }
}
