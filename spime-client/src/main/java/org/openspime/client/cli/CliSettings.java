package org.openspime.client.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The spime CLI's settings by property name ({@code osid}, {@code gate.host}, ...): read from the properties file,
 * then overridden by the environment ({@code OPENSPIME_GATE_HOST} for {@code gate.host}: upper case, {@code .} and
 * {@code -} as {@code _}), then by command options. Every property is listed in {@link #KEYS}.
 */
public final class CliSettings {

    /** The properties this CLI reads, with what they mean (printed by {@code --help} and the docs). */
    public static final Map<String, String> KEYS = keys();

    private final Map<String, String> values;

    private CliSettings(Map<String, String> values) {
        this.values = values;
    }

    public static CliSettings load(Optional<Path> file, Map<String, String> environment, Map<String, String> options) throws IOException {
        Map<String, String> values = new TreeMap<>();
        if (file.isPresent()) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file.get())) {
                p.load(in);
            }
            for (String name : p.stringPropertyNames()) {
                if (!KEYS.containsKey(name)) {
                    throw new IllegalArgumentException(file.get() + ": unknown setting '" + name + "' (known: " + String.join(", ", KEYS.keySet()) + ")");
                }
                values.put(name, p.getProperty(name).strip());
            }
        }
        for (String name : KEYS.keySet()) {
            String env = environment.get(envName(name));
            if (env != null && !env.isBlank()) {
                values.put(name, env.strip());
            }
        }
        options.forEach((name, value) -> {
            if (value != null) {
                values.put(name, value);
            }
        });
        return new CliSettings(values);
    }

    static String envName(String key) {
        return "OPENSPIME_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> get(String key) {
        if (!KEYS.containsKey(key)) {
            throw new IllegalArgumentException("unknown setting " + key);
        }
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("setting '" + key + "' is missing: " + KEYS.get(key)
                + " (set it in the config file, as " + envName(key) + ", or with its option)"));
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new TreeMap<>();
        k.put("osid", "the spime's SpimeID, a full JID such as 4a6b-5638@gate.example/spime");
        k.put("password", "the account's password");
        k.put("gate.host", "the gate's host name or address (default: the OSID's domain)");
        k.put("gate.port", "the gate's client port (default 5222)");
        k.put("gate.cert-pin", "SHA-256 fingerprint of the gate's TLS certificate, as 'openspime admin' prints it");
        k.put("gate.ca", "PEM file of CA certificates to verify the gate's TLS certificate with (instead of a pin)");
        k.put("keystore.path", "PKCS#12 file holding the spime's key pair");
        k.put("keystore.password", "the key store's password");
        k.put("outbox.dir", "directory of the durable outbox");
        k.put("scopenode", "default ScopeNode (SNID) to report to");
        k.put("scope", "default scope name of the reports");
        k.put("certification.key", "PEM file with the public key(s) the gate's certification service signs attestations with");
        k.put("certification.jid", "JID of that certification service (default certification.<gate domain>)");
        k.put("certification.trust-gates", "other gates' certification services and their key files, SERVICE=PEM, comma-separated");
        return Map.copyOf(k);
    }
}
