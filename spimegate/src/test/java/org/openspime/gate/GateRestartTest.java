package org.openspime.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openspime.gate.identity.OsidKind;
import org.openspime.gate.testing.Clients;
import org.openspime.gate.testing.StorageFixture;
import org.openspime.gate.testing.TestTls;

/**
 * What a gate issued survives its restart, on the embedded H2 and on PostgreSQL: the identity, its password,
 * and the TLS certificate clients pinned.
 */
class GateRestartTest {

    @ParameterizedTest
    @EnumSource(StorageFixture.Engine.class)
    void identitiesPasswordsAndCertificateSurviveARestart(StorageFixture.Engine engine, @TempDir Path dataDir)
            throws Exception {
        try (StorageFixture fixture = StorageFixture.create(engine, dataDir)) {
            String password;
            String fingerprint;
            try (SpimeGate gate = SpimeGate.start(fixture.config())) {
                password = gate.storage().identities()
                        .create(OsidKind.SPIME, "4a6b-5638@gate.example/spime", "thermometer", null).generatedPassword();
                fingerprint = gate.certificate().sha256Fingerprint();
                login(gate, password).disconnect();
            }
            try (SpimeGate again = SpimeGate.start(fixture.config())) {
                assertThat(again.certificate().sha256Fingerprint()).isEqualTo(fingerprint);
                assertThat(again.storage().identities().show("4a6b-5638@gate.example/spime").description())
                        .isEqualTo("thermometer");
                XMPPTCPConnection c = login(again, password);
                assertThat(c.getUser().toString()).isEqualTo("4a6b-5638@gate.example/spime");
                c.disconnect();
            }
        }
    }

    private static XMPPTCPConnection login(SpimeGate gate, String password) throws Exception {
        return Clients.login(gate.c2sPort(), TestTls.trusting(gate.certificate().certificate()),
                "4a6b-5638@gate.example/spime", password);
    }
}
