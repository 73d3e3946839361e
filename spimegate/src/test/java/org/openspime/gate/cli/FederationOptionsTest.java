package org.openspime.gate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.gate.config.FederationConfig;
import picocli.CommandLine;

/** {@code --peer}, {@code --peer-cert}, {@code --s2s-*}: repeatable flags, or comma lists in env and file. */
class FederationOptionsTest {
    @TempDir
    Path dir;

    private static GateOptions parsed(String... args) {
        GateOptions options = new GateOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void repeatableFlagsBuildThePeerMapPinsAndPolicy() {
        FederationConfig f = parsed("--peer", "a.example=10.0.0.2:5270", "--peer", "B.example=gate-b.lan",
                "--peer-cert", "a.example=AB:CD", "--s2s-deny", "spam.example", "--s2s-idle-seconds", "30")
                .resolve(Map.of()).federation();
        assertThat(f.peers()).containsEntry("a.example", new FederationConfig.HostPort("10.0.0.2", 5270))
                .containsEntry("b.example", new FederationConfig.HostPort("gate-b.lan", 5269));
        assertThat(f.pinnedCertificates()).containsEntry("a.example", "AB:CD");
        assertThat(f.permits("a.example")).isTrue();
        assertThat(f.permits("spam.example")).isFalse();
        assertThat(f.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void environmentAndConfigFileTakeCommaSeparatedLists() throws Exception {
        FederationConfig fromEnv = parsed().resolve(Map.of("OPENSPIME_PEER", "a.example=[::1]:5300, c.example=h:1",
                "OPENSPIME_S2S_ALLOW", "a.example")).federation();
        assertThat(fromEnv.peers()).containsEntry("a.example", new FederationConfig.HostPort("::1", 5300))
                .containsEntry("c.example", new FederationConfig.HostPort("h", 1));
        assertThat(fromEnv.permits("a.example")).isTrue();
        assertThat(fromEnv.permits("c.example")).as("not on the allow list").isFalse();

        Path file = dir.resolve("gate.properties");
        Files.writeString(file, "peer-cert=a.example=00:11\ns2s-ca=/etc/ssl/peers.pem\n");
        FederationConfig fromFile = parsed("--config", file.toString()).resolve(Map.of()).federation();
        assertThat(fromFile.pinnedCertificates()).containsEntry("a.example", "00:11");
        assertThat(fromFile.caCertificates()).containsExactly(Path.of("/etc/ssl/peers.pem"));
    }

    @Test
    void malformedPeerIsAnError() {
        assertThatThrownBy(() -> parsed("--peer", "a.example").resolve(Map.of()))
                .hasMessageContaining("--peer must be DOMAIN=VALUE");
        assertThatThrownBy(() -> parsed("--peer", "a.example=host:port").resolve(Map.of()))
                .hasMessageContaining("HOST:PORT");
    }
}
