package org.openspime.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/** Small helpers shared by the scenarios: output, load average, Smack set-up, trust. */
final class Bench {
    static {
        Roster.setRosterLoadedAtLoginDefault(false);
    }

    private Bench() {
    }

    static void say(String format, Object... args) {
        System.out.printf("[%s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(format, args));
        System.out.flush();
    }

    /** The 1/5/15-minute load averages, as /proc/loadavg shows them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** This (load client) JVM's CPU time so far, in milliseconds. */
    static long ownCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    static X509TrustManager trusting(X509Certificate certificate) throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("gate", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    static SSLContext tlsContext(X509Certificate certificate) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {trusting(certificate)}, null);
        return ctx;
    }

    /** A Smack connection (not yet connected) for account {@code i}, STARTTLS required, trusting only the gate. */
    static XMPPTCPConnection connection(GateProcess gate, X509TrustManager trust, int i) throws Exception {
        EntityFullJid jid = JidCreate.entityFullFrom(gate.account(i));
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(jid.asDomainBareJid())
                .setHostAddress(InetAddress.getByName(gate.address()))
                .setPort(gate.port())
                .setUsernameAndPassword(jid.getLocalpart().toString(), GateProcess.PASSWORD)
                .setResource(jid.getResourcepart())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trust)
                .setSendPresence(true)
                .build();
        XMPPTCPConnection c = new XMPPTCPConnection(config);
        c.setReplyTimeout(60_000);
        return c;
    }

    static XMPPTCPConnection login(GateProcess gate, X509TrustManager trust, int i) throws Exception {
        XMPPTCPConnection c = connection(gate, trust, i);
        c.connect().login();
        return c;
    }

    /** Deletes {@code dir} and everything under it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The value at quantile {@code q} of sorted {@code values[0..n)}, nearest rank. */
    static long quantile(long[] sorted, int n, double q) {
        if (n == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }
}
