package org.openspime.client.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every spime subcommand takes; each overrides the setting of the same name. */
final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "properties file with the spime's settings (default: $OPENSPIME_CONFIG, else ./spime.properties if present)")
    Path config;

    @Option(names = "--osid", paramLabel = "JID", description = "SpimeID (full JID)")
    String osid;

    @Option(names = "--gate-host", paramLabel = "HOST")
    String gateHost;

    @Option(names = "--gate-port", paramLabel = "PORT")
    String gatePort;

    @Option(names = "--gate-cert-pin", paramLabel = "SHA256")
    String gateCertPin;

    @Option(names = "--gate-ca", paramLabel = "PEM")
    String gateCa;

    @Option(names = "--keystore", paramLabel = "FILE")
    String keystore;

    @Option(names = "--outbox", paramLabel = "DIR")
    String outbox;

    CliSettings settings() throws IOException {
        Map<String, String> options = new HashMap<>();
        options.put("osid", osid);
        options.put("gate.host", gateHost);
        options.put("gate.port", gatePort);
        options.put("gate.cert-pin", gateCertPin);
        options.put("gate.ca", gateCa);
        options.put("keystore.path", keystore);
        options.put("outbox.dir", outbox);
        return CliSettings.load(configFile(), System.getenv(), options);
    }

    private Optional<Path> configFile() {
        if (config != null) {
            return Optional.of(config);
        }
        String env = System.getenv("OPENSPIME_CONFIG");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        Path local = Path.of("spime.properties");
        return local.toFile().isFile() ? Optional.of(local) : Optional.empty();
    }
}
