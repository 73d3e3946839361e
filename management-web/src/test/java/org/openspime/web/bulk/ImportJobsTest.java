package org.openspime.web.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openspime.web.fakes.InMemoryAudit;
import org.openspime.web.fakes.InMemoryIdentities;
import org.openspime.web.fakes.MovableClock;
import org.openspime.web.identity.Actor;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityService;

/**
 * The bounds of background imports. A job's worker issues rows through the in-memory registry, whose methods are
 * synchronized: holding its monitor in the test keeps a job running for exactly as long as the test needs.
 */
class ImportJobsTest {

    final MovableClock clock = new MovableClock(Instant.parse("2025-03-01T09:00:00Z"));
    final InMemoryIdentities registry = new InMemoryIdentities("gate.example", clock);
    final ImportJobs jobs = new ImportJobs(new IdentityService(registry, new InMemoryAudit(), clock), 1000, 1, 1,
            Duration.ofMinutes(30), clock);
    final Actor alice = new Actor("alice", "127.0.0.1", "api");
    final Actor bob = new Actor("bob", "127.0.0.1", "api");
    final Actor carol = new Actor("carol", "127.0.0.1", "api");

    @AfterEach
    void stop() {
        jobs.close();
    }

    @Test
    void oneRunningJobPerOperatorAndABoundedQueueForEveryone() throws Exception {
        ImportJob first;
        ImportJob queued;
        synchronized (registry) {
            first = jobs.start(alice, rows("a", 50));
            assertThatThrownBy(() -> jobs.start(alice, rows("b", 5))).isInstanceOf(ImportBusy.class)
                    .hasMessageContaining("still running");
            queued = jobs.start(bob, rows("c", 5));
            assertThat(queued.state()).isEqualTo(ImportJob.State.RUNNING);
            assertThatThrownBy(() -> jobs.start(carol, rows("d", 5))).isInstanceOf(ImportBusy.class)
                    .hasMessageContaining("try again");
            assertThat(first.done()).isLessThan(50);
        }
        assertThat(first.await(10_000)).isTrue();
        assertThat(first.issued()).isEqualTo(50);
        assertThat(queued.await(10_000)).isTrue();
        assertThat(jobs.start(alice, rows("e", 5)).await(10_000)).as("alice may start again once hers is done").isTrue();
    }

    @Test
    void reportKeepsGoodRowsCredentialsComeOnceAndOnlyToTheOwner() throws Exception {
        String csv = "kind,jid,description,password\nspime,x1@gate.example/s,,yes\nspime,broken@@,,yes\n"
                + "spime,x2@gate.example/s,,no\n";
        ImportJob job = jobs.start(alice, csv);
        assertThat(job.await(10_000)).isTrue();
        assertThat(job.outcomes()).extracting(RowOutcome::issued).containsExactly(true, false, true);
        assertThat(job.refused()).isEqualTo(1);
        assertThat(jobs.find("bob", job.id())).isEmpty();
        String credentials = new String(jobs.find("alice", job.id()).orElseThrow().takeCredentials().orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(credentials).startsWith("jid,password\r\n\"x1@gate.example/s\",");
        assertThat(job.takeCredentials()).isEmpty();
        assertThat(job.outcomes()).as("passwords are gone from the report once taken")
                .allSatisfy(o -> assertThat(o.password()).isEmpty());
    }

    @Test
    void tooManyRowsIsRefusedBeforeAJobExists() {
        assertThatThrownBy(() -> jobs.start(alice, rows("f", 1001))).isInstanceOf(IdentityRefused.class)
                .hasMessageContaining("1001 rows; at most 1000");
        assertThat(registry.show("f0@gate.example/s")).isEmpty();
    }

    @Test
    void finishedJobsAreForgottenAfterHalfAnHourWithTheirCredentials() throws Exception {
        ImportJob job = jobs.start(alice, rows("g", 3));
        assertThat(job.await(10_000)).isTrue();
        clock.advance(Duration.ofMinutes(31));
        assertThat(jobs.find("alice", job.id())).isEmpty();
        assertThat(job.takeCredentials()).isEmpty();
    }

    static String rows(String prefix, int n) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            csv.append("spime,").append(prefix).append(i).append("@gate.example/s,,yes\n");
        }
        return csv.toString();
    }
}
