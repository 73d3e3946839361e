package org.openspime.system.spime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.Value;
import org.openspime.client.spime.Spime;
import org.openspime.gate.testing.TestGate;

/**
 * A gate configured with a stanza limit below the default tells its clients (XEP-0478 stream limits in the features
 * after login), and the SDK batches readings into reports that fit it. Without that, a report over the gate's
 * limit ends the spime's stream at every attempt and is never delivered.
 */
@Timeout(90)
class StreamLimitsTest {

    private static final int GATE_STANZA_LIMIT = 16 * 1024;

    @TempDir
    Path dir;

    @Test
    void readingsAreBatchedToFitTheStanzaLimitTheGateAdvertises() throws Exception {
        try (SpimeNetwork network = new SpimeNetwork(dir, TestGate.start(GATE_STANZA_LIMIT, 0))) {
            ScopeNodePeer node = network.scopeNode("co2node@gate.test/co2", Readings.SCOPE);
            Spime spime = network.spime("chatty@gate.test/spime");
            assertThat(spime.connection().maxStanzaBytes()).hasValue(GATE_STANZA_LIMIT);

            List<Reading> readings = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < 300; i++) {
                readings.add(Reading.at(start.plusMillis(i), Location.of(45.4642, 9.19),
                        Value.integer("co2", 400 + i, "ppm"), Value.decimal("temperature", "21.5", "Cel")));
            }
            List<CompletableFuture<ReportAck>> outcomes = spime.report(node.snid(), Readings.SCOPE, readings);

            assertThat(outcomes).as("reports of at most 16 KiB each").hasSizeGreaterThan(1);
            int acknowledged = 0;
            for (CompletableFuture<ReportAck> outcome : outcomes) {
                acknowledged += outcome.get(30, TimeUnit.SECONDS).readings();
            }
            assertThat(acknowledged).isEqualTo(300);
            assertThat(spime.reporter().outbox().size()).isZero();
            assertThat(spime.reporter().outbox().rejected()).isEmpty();
        }
    }
}
