package org.openspime.gate.federation.peer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.openspime.gate.config.FederationConfig.HostPort;

/**
 * DNS SRV look-ups through the JDK's JNDI DNS provider (no resolver library is on the gate's runtime classpath;
 * MiniDNS comes only with Smack, which the gate does not use). Blocking: called from the connector's resolver
 * threads, never from a thread that handles stanzas.
 */
public final class SrvLookup {
    private SrvLookup() {
    }

    /** Targets of {@code name} ordered by priority, then by weight (heaviest first); empty if none. */
    public static List<HostPort> lookup(String name, int timeoutMillis) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", "dns:");
        env.put("com.sun.jndi.dns.timeout.initial", Integer.toString(Math.max(100, timeoutMillis / 4)));
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        List<Record> records = new ArrayList<>();
        try {
            DirContext ctx = new InitialDirContext(env);
            try {
                Attributes attrs = ctx.getAttributes(name, new String[] {"SRV"});
                Attribute srv = attrs.get("SRV");
                if (srv == null) {
                    return List.of();
                }
                NamingEnumeration<?> values = srv.getAll();
                while (values.hasMore()) {
                    Record r = Record.parse(String.valueOf(values.next()));
                    if (r != null) {
                        records.add(r);
                    }
                }
            } finally {
                ctx.close();
            }
        } catch (NamingException e) {
            return List.of();
        }
        // RFC 2782: a single record with target "." means the service is decidedly not available
        if (records.size() == 1 && records.get(0).target.equals(".")) {
            return List.of();
        }
        records.sort(Comparator.comparingInt((Record r) -> r.priority).thenComparing(r -> -r.weight));
        return records.stream().map(r -> new HostPort(r.target, r.port)).toList();
    }

    private record Record(int priority, int weight, int port, String target) {
        /** {@code "priority weight port target."}. */
        static Record parse(String s) {
            String[] f = s.trim().split("\\s+");
            if (f.length != 4) {
                return null;
            }
            try {
                String target = f[3].endsWith(".") && f[3].length() > 1 ? f[3].substring(0, f[3].length() - 1) : f[3];
                return new Record(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), target);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
