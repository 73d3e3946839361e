package org.openspime.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliSettingsTest {

    @TempDir
    Path dir;

    @Test
    void environmentOverridesTheFileAndOptionsOverrideBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("spime.properties"), """
                osid = sensor@gate.example/spime
                gate.host = file-host
                gate.port = 5222
                scope = co2-monitoring
                """);
        Map<String, String> options = new HashMap<>();
        options.put("gate.port", "15222");
        options.put("osid", null);

        CliSettings s = CliSettings.load(Optional.of(file), Map.of("OPENSPIME_GATE_HOST", "env-host", "OPENSPIME_GATE_PORT", "6222",
                "OPENSPIME_GATE_CERT_PIN", "AB:CD"), options);

        assertThat(s.require("osid")).isEqualTo("sensor@gate.example/spime");
        assertThat(s.require("gate.host")).isEqualTo("env-host");
        assertThat(s.require("gate.port")).isEqualTo("15222");
        assertThat(s.get("gate.cert-pin")).contains("AB:CD");
        assertThatThrownBy(() -> s.require("outbox.dir")).hasMessageContaining("OPENSPIME_OUTBOX_DIR");
    }

    @Test
    void anUnknownSettingInTheFileIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("spime.properties"), "gate.hots = typo\n");

        assertThatThrownBy(() -> CliSettings.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown setting 'gate.hots'");
    }
}
