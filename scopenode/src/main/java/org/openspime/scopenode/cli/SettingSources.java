package org.openspime.scopenode.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a setting comes from besides its flag: the environment ({@code OPENSPIME_GATE_PORT} for {@code gate-port})
 * and the properties file ({@code gate-port=5222}); a flag wins over the environment, which wins over the file.
 * The same rules as the gate's settings (spimegate's {@code config.SettingSources}), which this module cannot
 * depend on; both belong in a shared module once a third daemon needs them.
 */
final class SettingSources {

    private final Map<String, String> environment;
    private final Properties file;
    private final Path filePath;

    private SettingSources(Map<String, String> environment, Properties file, Path filePath) {
        this.environment = environment;
        this.file = file;
        this.filePath = filePath;
    }

    /** Reads the properties file if there is one; a given file that cannot be read is an error. */
    static SettingSources load(Path configFile, boolean required, Map<String, String> environment) {
        Properties props = new Properties();
        if (configFile != null && (required || Files.exists(configFile))) {
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage(), e);
            }
        }
        return new SettingSources(environment, props, configFile);
    }

    static String environmentName(String key) {
        return "OPENSPIME_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** The flag's value if given, else the environment's, else the file's, else {@code fallback}. */
    String string(String key, String flagValue, String fallback) {
        if (flagValue != null) {
            return flagValue;
        }
        String env = environment.get(environmentName(key));
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        String fromFile = file.getProperty(key);
        if (fromFile != null && !fromFile.isBlank()) {
            return fromFile.trim();
        }
        return fallback;
    }

    String required(String key, String flagValue) {
        String v = string(key, flagValue, null);
        if (v == null) {
            throw new IllegalArgumentException("setting " + key + " is required: --" + key + ", "
                    + environmentName(key) + " or '" + key + "=' in the config file" + where());
        }
        return v;
    }

    int integer(String key, Integer flagValue, int fallback) {
        String v = string(key, flagValue == null ? null : flagValue.toString(), Integer.toString(fallback));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, got '" + v + "'" + where());
        }
    }

    /** A path setting; relative paths in the config file are relative to the file's directory. */
    Path path(String key, Path flagValue, String fallback) {
        if (flagValue != null) {
            return flagValue;
        }
        String v = string(key, null, fallback);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v);
        boolean fromFile = environment.get(environmentName(key)) == null && file.getProperty(key) != null;
        if (!p.isAbsolute() && fromFile && filePath != null && filePath.toAbsolutePath().getParent() != null) {
            return filePath.toAbsolutePath().getParent().resolve(p).normalize();
        }
        return p;
    }

    private String where() {
        return filePath == null ? "" : " (config file " + filePath + ")";
    }
}
