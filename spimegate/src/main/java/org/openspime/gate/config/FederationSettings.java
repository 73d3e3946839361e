package org.openspime.gate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link FederationConfig} from flags, environment and config file. Repeatable settings are a list of
 * flags, or one comma-separated value in the environment ({@code OPENSPIME_PEER=a.example=10.0.0.2:5269,...}) or
 * the file ({@code peer=a.example=10.0.0.2:5269,b.example=...}).
 */
public final class FederationSettings {
    private FederationSettings() {
    }

    /**
     * @param peers   {@code --peer DOMAIN=HOST:PORT} values
     * @param pins    {@code --peer-cert DOMAIN=FINGERPRINT} values
     * @param cas     {@code --s2s-ca FILE} values
     * @param allow   {@code --s2s-allow DOMAIN} values
     * @param deny    {@code --s2s-deny DOMAIN} values
     * @param idleSeconds {@code --s2s-idle-seconds}
     */
    public static FederationConfig resolve(SettingSources s, List<String> peers, List<String> pins, List<String> cas,
                                           List<String> allow, List<String> deny, Integer idleSeconds) {
        FederationConfig d = FederationConfig.defaults();
        Map<String, FederationConfig.HostPort> peerMap = new HashMap<>();
        for (String p : list(s, "peer", peers)) {
            String[] kv = pair("peer", p);
            peerMap.put(kv[0], FederationConfig.HostPort.parse(kv[1]));
        }
        Map<String, String> pinMap = new HashMap<>();
        for (String p : list(s, "peer-cert", pins)) {
            String[] kv = pair("peer-cert", p);
            pinMap.put(kv[0], kv[1]);
        }
        List<Path> caFiles = list(s, "s2s-ca", cas).stream().map(Path::of).toList();
        return new FederationConfig(peerMap, pinMap, caFiles, Set.copyOf(list(s, "s2s-allow", allow)),
                Set.copyOf(list(s, "s2s-deny", deny)),
                Duration.ofSeconds(s.integer("s2s-connect-timeout-seconds", null,
                        (int) d.connectTimeout().toSeconds())),
                Duration.ofSeconds(s.integer("s2s-setup-timeout-seconds", null, (int) d.setupTimeout().toSeconds())),
                Duration.ofSeconds(s.integer("s2s-idle-seconds", idleSeconds, (int) d.idleTimeout().toSeconds())),
                s.integer("s2s-peer-stanzas-per-second", null, d.peerStanzasPerSecond()),
                s.bool("s2s-sasl-external", null, d.saslExternal()));
    }

    private static List<String> list(SettingSources s, String key, List<String> flags) {
        String joined = flags == null || flags.isEmpty() ? null : String.join(",", flags);
        String value = s.string(key, joined, null);
        if (value == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : value.split(",")) {
            if (!v.isBlank()) {
                out.add(v.trim());
            }
        }
        return new ArrayList<>(out);
    }

    private static String[] pair(String key, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException("--" + key + " must be DOMAIN=VALUE, got '" + value + "'");
        }
        return new String[] {value.substring(0, eq).trim(), value.substring(eq + 1).trim()};
    }
}
