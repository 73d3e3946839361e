package org.openspime.system.scopenode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.Report;

/**
 * One spime reporting {@code count} reports in order, each resent until it is acknowledged, the way an outbox
 * does: after no answer, a delivery error, {@code temporarily-unavailable} or {@code no-key-available} (resealed
 * with a new session, same id and same readings). Any other refusal is a failure of the test. Returns the ids
 * acknowledged.
 */
final class ReportStream implements Callable<Set<String>> {

    private final TestSpime spime;
    private final String prefix;
    private final int count;
    private final long deadline;
    private final AtomicInteger ackedSoFar;
    private final Set<String> acked = ConcurrentHashMap.newKeySet();

    ReportStream(TestSpime spime, String prefix, int count, Duration within, AtomicInteger ackedSoFar) {
        this.spime = spime;
        this.prefix = prefix;
        this.count = count;
        this.deadline = System.nanoTime() + within.toNanos();
        this.ackedSoFar = ackedSoFar;
    }

    @Override
    public Set<String> call() throws Exception {
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reports.add(spime.report(prefix + i, 400 + i, "21.5"));
        }
        for (Report report : reports) {
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(spime.jid + ": report " + report.id() + " not acknowledged in time");
                }
                Answer answer = spime.send(report);
                if (answer.isAck()) {
                    acked.add(report.id().value());
                    ackedSoFar.incrementAndGet();
                    break;
                }
                if (answer.condition() != null && answer.condition() != ReportCondition.TEMPORARILY_UNAVAILABLE
                        && answer.condition() != ReportCondition.NO_KEY_AVAILABLE) {
                    throw new AssertionError(spime.jid + ": report " + report.id() + " refused: " + answer);
                }
                if (answer.condition() != ReportCondition.NO_KEY_AVAILABLE) {
                    Thread.sleep(100);
                }
            }
        }
        return acked;
    }
}
