package org.openspime.system.datapath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.Value;
import org.openspime.client.reporting.ReportRejectedException;
import org.openspime.client.spime.Spime;
import org.openspime.gate.identity.OsidKind;
import org.openspime.scopenode.node.ScopeNode;
import org.openspime.sql.testing.PostgresTestDatabase;
import org.openspime.system.scopenode.NodeFixture;
import org.openspime.system.scopenode.TestScope;

/**
 * Refusals as an SDK spime meets them, from a real ScopeNode on PostgreSQL: the future fails with the condition
 * and the ScopeNode's text, the report is set aside in {@code rejected/} with its reason, nothing of it is stored,
 * and an authorized spime reporting at the same time goes on untouched.
 */
@Timeout(90)
class BadInputTest {

    private static final String AUTHORIZED = "member@gate.test/spime";
    private static final String STRANGER = "stranger@gate.test/spime";

    @TempDir
    static Path dir;
    static PostgresTestDatabase pg;
    static RestartableGate gate;
    static SdkSpimes sdk;
    static ScopeNode node;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestDatabase.create();
        gate = RestartableGate.start(dir.resolve("gate"));
        sdk = new SdkSpimes(gate, dir.resolve("spimes"));
        gate.register(OsidKind.SCOPENODE, NodeFixture.SNID);
        node = ScopeNode.start(ScopeNodeDatabase.on(NodeFixture.settings(gate.port(), gate.trust(),
                Files.createDirectories(dir.resolve("node"))), pg));
        node.authorization().authorize(AUTHORIZED, "test");
        node.authorization().authorize("format-breaker@gate.test/spime", "test");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (sdk != null) {
            sdk.close();
        }
        if (gate != null) {
            gate.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void anUnauthorizedSpimeIsRefusedNothingOfItIsStoredAndAnAuthorizedOneGoesOn() throws Exception {
        Spime member = sdk.start(AUTHORIZED);
        Spime stranger = sdk.start(STRANGER);
        try (ReportLoad load = ReportLoad.start(List.of(member), node.snid(), Duration.ofMillis(30))) {
            load.awaitAcked(5, Duration.ofSeconds(30));
            CompletableFuture<ReportAck> refused = stranger.report(node.snid(), TestScope.NAME, co2(415)).get(0);

            assertThatThrownBy(() -> refused.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(ReportRejectedException.class, e -> {
                        assertThat(e.condition()).isEqualTo(ReportCondition.NOT_AUTHORIZED);
                        assertThat(e.snid()).isEqualTo(node.snid());
                    });
            load.awaitAcked(load.acked() + 5, Duration.ofSeconds(30));
            List<String> expected = load.awaitEveryAck(Duration.ofSeconds(30));

            assertThat(stranger.reporter().outbox().size()).isZero();
            assertThat(stranger.reporter().outbox().rejected()).singleElement().satisfies(r -> {
                assertThat(r.reason()).startsWith("not-authorized");
                assertThat(r.report().snid()).isEqualTo(node.snid());
            });
            assertThat(StoredReadings.rowsOf(pg, STRANGER)).isEmpty();
            assertThat(StoredReadings.rowsOf(pg, AUTHORIZED)).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(member.reporter().outbox().size()).isZero();
            assertThat(member.reporter().outbox().rejected()).isEmpty();
        }
    }

    @Test
    void readingsThatDoNotFitTheFormatAreRefusedWithTheViolationAndNotStored() throws Exception {
        Spime spime = sdk.start("format-breaker@gate.test/spime");

        CompletableFuture<ReportAck> tooHigh = spime.report(node.snid(), TestScope.NAME, co2(99_999)).get(0);
        CompletableFuture<ReportAck> missing = spime.report(node.snid(), TestScope.NAME, List.of(
                Reading.at(Instant.now(), Value.decimal("temperature", "21.5", "Cel")))).get(0);
        ReportAck fine = spime.report(node.snid(), TestScope.NAME, co2(600)).get(0).get(20, TimeUnit.SECONDS);

        assertThat(refusal(tooHigh)).satisfies(e -> {
            assertThat(e.condition()).isEqualTo(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);
            assertThat(e.text()).hasValueSatisfying(t -> assertThat(t).contains("field co2")
                    .contains("99999 is above the maximum 10000"));
        });
        assertThat(refusal(missing)).satisfies(e -> {
            assertThat(e.condition()).isEqualTo(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE);
            assertThat(e.text()).hasValueSatisfying(t -> assertThat(t).contains("field co2")
                    .contains("required field is missing"));
        });
        assertThat(spime.reporter().outbox().size()).isZero();
        assertThat(spime.reporter().outbox().rejected()).hasSize(2)
                .allSatisfy(r -> assertThat(r.reason()).startsWith("inconsistent-data-with-scope"));
        assertThat(StoredReadings.rowsOf(pg, spime.osid().toString()))
                .containsExactly(StoredReadings.row(spime.osid().toString(), fine.id().value(), 0, 600));
    }

    private static ReportRejectedException refusal(CompletableFuture<ReportAck> outcome) {
        try {
            outcome.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReportRejectedException r) {
                return r;
            }
            throw new AssertionError("failed otherwise than refused", e);
        } catch (Exception e) {
            throw new AssertionError("no answer", e);
        }
        throw new AssertionError("acknowledged: " + outcome.join());
    }

    private static List<Reading> co2(int ppm) {
        return List.of(Reading.at(Instant.now(), Value.integer("co2", ppm, "ppm"),
                Value.decimal("temperature", "21.5", "Cel")));
    }
}
