package org.openspime.gate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code http-tls}: off by default, on from the flag, the environment or the config file. */
class HttpTlsSettingTest {

    private static GateOptions parsed(String... args) {
        GateOptions options = new GateOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void httpsIsOffUnlessAskedFor() {
        assertThat(parsed().resolve(Map.of()).httpTls()).isFalse();
        assertThat(parsed("--http-tls").resolve(Map.of()).httpTls()).isTrue();
        assertThat(parsed("--http-tls=false").resolve(Map.of("OPENSPIME_HTTP_TLS", "true")).httpTls()).isFalse();
        assertThat(parsed().resolve(Map.of("OPENSPIME_HTTP_TLS", "yes")).httpTls()).isTrue();
        assertThatThrownBy(() -> parsed().resolve(Map.of("OPENSPIME_HTTP_TLS", "maybe")))
                .hasMessageContaining("http-tls must be true or false");
    }
}
