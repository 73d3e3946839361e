package org.openspime.gate.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a setting can come from besides its flag: the environment ({@code OPENSPIME_C2S_PORT} for
 * {@code c2s-port}) and the properties file ({@code c2s-port=5222}). The environment wins over the file.
 */
public final class SettingSources {
    private final Map<String, String> environment;
    private final Properties file;
    private final Path filePath;

    SettingSources(Map<String, String> environment, Properties file, Path filePath) {
        this.environment = environment;
        this.file = file;
        this.filePath = filePath;
    }

    /** Reads the properties file, if one is given; a missing or unreadable file is an error, not a default. */
    public static SettingSources load(Path configFile, Map<String, String> environment) {
        Properties props = new Properties();
        if (configFile != null) {
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage(), e);
            }
        }
        return new SettingSources(environment, props, configFile);
    }

    /** The environment variable that overrides a setting: {@code c2s-port} is {@code OPENSPIME_C2S_PORT}. */
    public static String environmentName(String key) {
        return "OPENSPIME_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** The flag's value if given, else the environment's, else the file's, else {@code fallback}. */
    public String string(String key, String flagValue, String fallback) {
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

    public int integer(String key, Integer flagValue, int fallback) {
        String v = string(key, flagValue == null ? null : flagValue.toString(), Integer.toString(fallback));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, got '" + v + "'"
                    + where());
        }
    }

    public boolean bool(String key, Boolean flagValue, boolean fallback) {
        String v = string(key, flagValue == null ? null : flagValue.toString(), Boolean.toString(fallback));
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")) {
            return true;
        }
        if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no")) {
            return false;
        }
        throw new IllegalArgumentException("setting " + key + " must be true or false, got '" + v + "'" + where());
    }

    private String where() {
        return filePath == null ? "" : " (config file " + filePath + " or environment)";
    }
}
