package org.openspime.scopenode.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openspime.certification.Jid;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.codec.ReportLimits;
import org.openspime.client.report.crypto.OpenedReport;
import org.openspime.client.report.crypto.ReportOpener;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.scopenode.ingest.IngestQueue;
import org.openspime.scopenode.ingest.IngestRefusedException;
import org.openspime.scopenode.reading.IncomingReport;
import org.openspime.scopenode.scope.FormatCheck;
import org.openspime.scopenode.scope.Scope;
import org.openspime.scopenode.scope.Violation;
import org.openspime.scopenode.storage.StoreOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One report from arrival to answer, in the order of {@code docs/protocol-report.md} section 5.6, cheapest checks
 * first: the sender is authorized (a hash lookup), the payload is within the limits, the envelope opens (signature
 * before any private-key operation, then transport key, decryption, data document, scope), the readings fit the
 * format, and then the report is queued for the group commit. The returned future completes with the
 * acknowledgment only after the commit that holds the report, or fails with a {@link ReportRefusal}.
 *
 * <p>{@link #take} runs the checks on the caller's thread (they include the signature check and, on a new session,
 * an RSA unwrap, and may wait for the certification service on the first report of a sender) and never waits on
 * the database: the commit completes the future on the ingest writer's thread.
 *
 * <p>Nothing refused is stored. Every refusal is logged at INFO with the sender, the report and the reason.
 */
public final class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);
    /** Violations quoted in a refusal's text; the rest are counted. */
    private static final int QUOTED_VIOLATIONS = 10;

    private final Scope scope;
    private final Predicate<String> authorized;
    private final ReportLimits limits;
    private final Supplier<ReportOpener> opener;
    private final FormatCheck formatCheck;
    private final IngestQueue ingest;
    private final Duration queueWait;
    private final Duration commitWait;
    private final IntakeMetrics metrics;
    private final Duration idMemory;
    private final Clock clock;

    /**
     * @param authorized whether a SpimeID may report to this scope
     * @param opener     the current opener (it changes when the ScopeNode's key rotates)
     * @param queueWait  how long to wait for room in the ingest queue before answering temporarily-unavailable
     * @param commitWait how long to wait for the commit before answering temporarily-unavailable (the report
     *                   may still be committed; the spime's retry is then acknowledged as a duplicate)
     * @param idMemory   how long report ids are remembered (the retention period), or null for ever: a report
     *                   sealed longer ago than that is refused as a replay, since its id may have been forgotten
     */
    public ReportIntake(Scope scope, Predicate<String> authorized, ReportLimits limits, Supplier<ReportOpener> opener,
                        IngestQueue ingest, Duration queueWait, Duration commitWait, IntakeMetrics metrics,
                        Duration idMemory, Clock clock) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.authorized = Objects.requireNonNull(authorized, "authorized");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.formatCheck = new FormatCheck(scope.format());
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.queueWait = Objects.requireNonNull(queueWait, "queueWait");
        this.commitWait = Objects.requireNonNull(commitWait, "commitWait");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.idMemory = idMemory;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks and queues a report sent by {@code sender} (the stanza's authenticated {@code from}). */
    public CompletableFuture<ReportAck> take(ReportEnvelope envelope, Jid sender) {
        IncomingReport report;
        try {
            report = check(envelope, sender);
        } catch (ReportRefusal refusal) {
            return CompletableFuture.failedFuture(refused(sender, envelope.id().value(), refusal));
        }
        // copy(): the timeout ends the wait for the answer, not the queue's own future (the commit may still come)
        // what is taken while the queue is more than half the commit wait behind would time out before its commit
        return ingest.submit(report, queueWait, commitWait.dividedBy(2)).copy()
                .orTimeout(commitWait.toMillis(), TimeUnit.MILLISECONDS)
                .handle((outcome, error) -> conclude(envelope, sender, report, outcome, error));
    }

    /** Answers an envelope that could not be read at all; the refusal to send. */
    public ReportRefusal unreadable(Jid sender, ReportRefusedException why) {
        return refused(sender, "?", new ReportRefusal(why.condition(), why.getMessage()));
    }

    private IncomingReport check(ReportEnvelope envelope, Jid sender) {
        String id = envelope.id().value();
        if (sender == null || !authorized.test(sender.toString())) {
            throw new ReportRefusal(ReportCondition.NOT_AUTHORIZED, sender + " is not authorized to report to scope '"
                    + scope.name() + "' (report " + id + ")");
        }
        int payload = envelope.transport().payload().length;
        if (payload > limits.maxPayloadBytes()) {
            throw new ReportRefusal(ReportCondition.OVERSIZED_BATCH, "report " + id + " from " + sender + " carries "
                    + payload + " bytes, scope '" + scope.name() + "' accepts at most " + limits.maxPayloadBytes()
                    + ": split the batch");
        }
        if (idMemory != null && envelope.time().isBefore(clock.instant().minus(idMemory))) {
            throw new ReportRefusal(ReportCondition.REPLAY, "report " + id + " from " + sender + " was sealed at "
                    + envelope.time() + ", before the " + idMemory.toDays() + " days for which scope '"
                    + scope.name() + "' remembers report ids");
        }
        OpenedReport opened;
        try {
            opened = opener.get().open(envelope, sender);
        } catch (ReportRefusedException e) {
            throw new ReportRefusal(e.condition(), e.getMessage());
        }
        IncomingReport report = OpenedReadings.incoming(opened);
        List<Violation> violations = new ArrayList<>(formatCheck.check(report));
        violations.addAll(OpenedReadings.unitViolations(opened, scope.format()));
        if (!violations.isEmpty()) {
            String quoted = violations.stream().limit(QUOTED_VIOLATIONS).map(Violation::toString)
                    .collect(Collectors.joining("; "));
            int more = violations.size() - QUOTED_VIOLATIONS;
            throw new ReportRefusal(ReportCondition.INCONSISTENT_DATA_WITH_SCOPE, "report " + id + " from " + sender
                    + " does not fit the format of scope '" + scope.name() + "': " + quoted
                    + (more > 0 ? " (and " + more + " more)" : ""));
        }
        return report;
    }

    private ReportAck conclude(ReportEnvelope envelope, Jid sender, IncomingReport report, StoreOutcome outcome,
                               Throwable error) {
        String id = envelope.id().value();
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String why = cause instanceof TimeoutException
                    ? "not committed within " + commitWait.toMillis() + " ms (database slow or unreachable)"
                    : cause instanceof IngestRefusedException ? cause.getMessage() : "could not be stored: " + cause;
            if (!(cause instanceof TimeoutException || cause instanceof IngestRefusedException)) {
                log.warn("report {} from {} failed in the store", id, sender, cause);
            }
            throw refused(sender, id, new ReportRefusal(ReportCondition.TEMPORARILY_UNAVAILABLE,
                    "report " + id + " from " + sender + " " + why + "; retry later"));
        }
        int readings = report.readings().size();
        switch (outcome) {
            case STORED -> metrics.stored(readings);
            case DUPLICATE -> metrics.duplicate();
            case REPLAY -> throw refused(sender, id, new ReportRefusal(ReportCondition.REPLAY, "report " + id
                    + " from " + sender + " was already stored with other data (different data digest)"));
            default -> throw new AssertionError(outcome);
        }
        return new ReportAck(envelope.id(), readings, outcome == StoreOutcome.DUPLICATE);
    }

    private ReportRefusal refused(Jid sender, String reportId, ReportRefusal refusal) {
        metrics.refused(refusal.condition());
        // "retry later" comes in floods when the store falls behind (one per report, tens of thousands): at info,
        // writing them to the console held up Smack's reader and handler threads (the metrics count them anyway)
        if (refusal.condition() == ReportCondition.TEMPORARILY_UNAVAILABLE) {
            log.debug("report refused: spime={} report={} scope={} condition={} reason={}", sender, reportId,
                    scope.name(), refusal.condition().element(), refusal.getMessage());
        } else {
            log.info("report refused: spime={} report={} scope={} condition={} reason={}", sender, reportId,
                    scope.name(), refusal.condition().element(), refusal.getMessage());
        }
        return refusal;
    }
}
