package org.openspime.system.datapath;

import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openspime.certification.Jid;
import org.openspime.certification.attestation.TrustAnchors;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.connection.GateTrust;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.Value;
import org.openspime.client.spime.Spime;
import org.openspime.client.spime.SpimeConfig;
import org.openspime.client.spime.SpimeOptions;
import org.openspime.system.scopenode.TestScope;

/**
 * A spime process made with the SDK, for tests that kill one: {@code key=value} arguments say who it is, where
 * its gate, key store and outbox are and which certification key it trusts. It prints one line per event on
 * standard output for the test to read:
 * <ul>
 *   <li>{@code report=N}: logs in, publishes its key, reports N readings (one report each) to {@code snid}, prints
 *       {@code queued <report id> <co2>} once each is in the outbox, then {@code all-queued}, and keeps running
 *       (retrying) until it is killed;</li>
 *   <li>{@code drain}: logs in (which resends what the outbox holds), waits until the outbox is empty, prints
 *       {@code drained <rejected count>} and exits 0 (exit 3 if not drained within {@code drain-seconds}).</li>
 * </ul>
 */
public final class SpimeProcessMain {

    private SpimeProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(eq < 0 ? arg : arg.substring(0, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        PublicKey certificationKey = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(a.get("certification-key"))));
        TrustAnchors anchors = TrustAnchors.builder().trust(Jid.of(a.get("certification-jid")), certificationKey).build();
        ConnectionSettings login = ConnectionSettings.of(Jid.of(a.get("osid")), a.get("password"),
                GateTrust.pinned(a.get("gate-cert")), "127.0.0.1", Integer.parseInt(a.get("gate-port")))
                .withReplyTimeout(SdkSpimes.REPLY_TIMEOUT);
        SpimeConfig config = SpimeConfig.of(login, Path.of(a.get("keystore")), a.get("keystore-password").toCharArray(),
                Path.of(a.get("outbox")), SpimeOptions.trusting(anchors).withRetry(SdkSpimes.FAST_RETRIES));
        Spime spime = Spime.start(config);
        if (a.containsKey("report")) {
            spime.publishKey();
            Jid snid = Jid.of(a.get("snid"));
            int n = Integer.parseInt(a.get("report"));
            for (int i = 0; i < n; i++) {
                int co2 = 500 + i;
                Report report = spime.reporter().newReport(TestScope.NAME, List.of(Reading.at(Instant.now(),
                        Value.integer("co2", co2, "ppm"), Value.decimal("temperature", "19.5", "Cel"))));
                spime.reporter().report(snid, report).exceptionally(e -> {
                    System.out.println("failed " + report.id() + " " + e);
                    return null;
                });
                System.out.println("queued " + report.id() + " " + co2);
            }
            System.out.println("all-queued");
            Thread.sleep(Long.MAX_VALUE);
        } else if (a.containsKey("drain")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(a.get("drain-seconds"))).toNanos();
            while (spime.reporter().outbox().size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            int left = spime.reporter().outbox().size();
            System.out.println(left == 0 ? "drained " + spime.reporter().outbox().rejected().size() : "pending " + left);
            spime.close();
            System.exit(left == 0 ? 0 : 3);
        }
    }
}
