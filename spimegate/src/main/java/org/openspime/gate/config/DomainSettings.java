package org.openspime.gate.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings keyed by peer domain also cover that domain's subdomains: a gate serves its components under its own
 * domain ({@code certification.a.example} under {@code a.example}), so what is configured for {@code a.example}
 * (its address, its pinned certificate, allow and deny) holds for them unless a subdomain is configured itself.
 */
public final class DomainSettings {
    private DomainSettings() {
    }

    /** The value for {@code domain} or, failing that, for its nearest configured parent domain. */
    public static <V> Optional<V> nearest(Map<String, V> byDomain, String domain) {
        for (String d = domain.toLowerCase(Locale.ROOT); d != null; d = parentOf(d)) {
            V v = byDomain.get(d);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code domain} or one of its parent domains is in {@code domains}. */
    public static boolean covers(Set<String> domains, String domain) {
        for (String d = domain.toLowerCase(Locale.ROOT); d != null; d = parentOf(d)) {
            if (domains.contains(d)) {
                return true;
            }
        }
        return false;
    }

    private static String parentOf(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 || dot == domain.length() - 1 ? null : domain.substring(dot + 1);
    }

    /** Whether {@code domain} is {@code parent} or one of its subdomains. */
    public static boolean within(String domain, String parent) {
        String d = domain.toLowerCase(Locale.ROOT);
        String p = parent.toLowerCase(Locale.ROOT);
        return d.equals(p) || d.endsWith("." + p);
    }
}
