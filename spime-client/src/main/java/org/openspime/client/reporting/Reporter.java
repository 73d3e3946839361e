package org.openspime.client.reporting;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.outbox.Outbox;
import org.openspime.client.outbox.OutboxFullException;
import org.openspime.client.outbox.PendingReport;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.crypto.ReportSealer;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one SpimeID's reports: seal once, queue in the {@link Outbox} (on disk before anything is sent), send, and
 * keep retrying until the ScopeNode answers for good.
 *
 * <p>What each answer does (the error table of {@code docs/protocol-report.md}):
 * <ul>
 *   <li>ack: out of the outbox, the future completes with the {@link ReportAck};</li>
 *   <li>{@code wait} (temporarily-unavailable), an error without a report condition (from the gate), no answer, a
 *       lost connection: the same envelope again after {@link RetryPolicy} backoff;</li>
 *   <li>{@code no-key-available}: the sealer forgets the session (if the refused report was sealed under the current
 *       one), the ScopeNode's key is looked up afresh and the same report (same id) is resealed and sent — at once for
 *       the first few times, then with backoff. Refusals of reports sealed under an older session reseal under the
 *       current one: a restarted ScopeNode with many reports pending unwraps one new key, not one per report;</li>
 *   <li>any other condition: moved to the outbox's {@code rejected/} with the reason, the future fails with a
 *       {@link ReportRejectedException}.</li>
 * </ul>
 * After each login ({@link #resendPending}) everything pending is sent again, oldest first: that is how reports
 * queued before a crash leave, and how retries waiting for the connection go out without waiting for their timer.
 *
 * <p>Concurrency: every state change (sending, answers, timers) runs on one scheduler thread, so an entry is never
 * sent twice at once and the outbox sees one writer; callers only seal and queue on their own thread.
 */
public final class Reporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reporter.class);
    /** Reseal-and-resend at once this many times after no-key-available, then back off (a ScopeNode that never keeps keys). */
    private static final int IMMEDIATE_RESEALS = 3;

    private final Jid spimeId;
    private final ReportSealer sealer;
    private final RecipientLookup recipients;
    private final ReportChannel channel;
    private final Outbox outbox;
    private final RetryPolicy retry;
    private final Clock clock;
    private final SecureRandom random = RsaKeys.strongRandom();
    private final ScheduledExecutorService scheduler;
    private final Map<ReportId, CompletableFuture<ReportAck>> outcomes = new ConcurrentHashMap<>();
    // scheduler thread only:
    private final Set<ReportId> inFlight = new HashSet<>();
    private final Map<ReportId, ScheduledFuture<?>> timers = new HashMap<>();
    private final Map<ReportId, Integer> reseals = new HashMap<>();

    public Reporter(Jid spimeId, ReportSealer sealer, RecipientLookup recipients, ReportChannel channel, Outbox outbox,
                    RetryPolicy retry, Clock clock) {
        this.spimeId = Objects.requireNonNull(spimeId, "spimeId");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reporter " + spimeId);
            t.setDaemon(true);
            return t;
        });
    }

    /** A new report id as the protocol recommends (48 bits of milliseconds, 80 random bits). */
    public ReportId newId() {
        return ReportId.generate(clock, random);
    }

    /** One report of {@code readings} for {@code scope}, under a new id. */
    public Report newReport(String scope, List<Reading> readings) {
        return new Report(newId(), spimeId, scope, readings);
    }

    /** Signed (unless the sealer is unsigned) and encrypted to the ScopeNode's certified key. */
    public CompletableFuture<ReportAck> report(Jid snid, Report report) {
        return queue(snid, report, true);
    }

    /** Not encrypted: only for scopes that accept plain reports. */
    public CompletableFuture<ReportAck> reportPlain(Jid snid, Report report) {
        return queue(snid, report, false);
    }

    /**
     * The outcome of a queued report (also of one loaded from the outbox at start), if it is still pending or was
     * settled by this reporter.
     */
    public Optional<CompletableFuture<ReportAck>> outcome(ReportId id) {
        return Optional.ofNullable(outcomes.get(id));
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Sends every pending report now, oldest first; for a {@code GateConnection.onAuthenticated} listener. */
    public void resendPending() {
        for (PendingReport p : outbox.pending()) {
            outcomes.computeIfAbsent(p.id(), id -> new CompletableFuture<>());
        }
        scheduler.execute(() -> outbox.pending().forEach(p -> attempt(p.id())));
    }

    private CompletableFuture<ReportAck> queue(Jid snid, Report report, boolean encrypted) {
        if (!report.spimeId().equals(spimeId)) {
            throw new IllegalArgumentException("report " + report.id() + " is from " + report.spimeId() + ", this reporter is " + spimeId);
        }
        PendingReport pending;
        try {
            pending = PendingReport.queued(report, snid, seal(snid, report, encrypted), clock.instant());
            CompletableFuture<ReportAck> outcome = new CompletableFuture<>();
            outcomes.put(report.id(), outcome);
            outbox.add(pending);
            scheduler.execute(() -> attempt(report.id()));
            return outcome;
        } catch (CertificationException | OutboxFullException | IOException | RuntimeException e) {
            outcomes.remove(report.id());
            return CompletableFuture.failedFuture(e);
        }
    }

    private ReportEnvelope seal(Jid snid, Report report, boolean encrypted) throws CertificationException {
        return encrypted ? sealer.sealEncrypted(report, recipients.recipient(snid)) : sealer.sealPlain(report, snid);
    }

    private void attempt(ReportId id) {
        Optional<PendingReport> found = outbox.get(id);
        if (found.isEmpty() || inFlight.contains(id)) {
            return;
        }
        Optional.ofNullable(timers.remove(id)).ifPresent(t -> t.cancel(false));
        PendingReport p = found.get();
        if (!channel.ready()) {
            schedule(id, retry.delayAfter(Math.max(1, p.attempts()))); // the next login resends it anyway
            return;
        }
        PendingReport sent = p.attempted(clock.instant().plus(retry.delayAfter(p.attempts() + 1)));
        try {
            outbox.update(sent);
        } catch (IOException e) {
            log.error("{}: cannot record attempt {} of report {} in the outbox ({}); retrying later", spimeId, sent.attempts(), id, e.toString());
            schedule(id, retry.delayAfter(sent.attempts()));
            return;
        }
        inFlight.add(id);
        log.debug("{}: report {} to {}, attempt {}", spimeId, id, p.snid(), sent.attempts());
        channel.send(p.snid(), p.envelope()).whenComplete((ack, failure) -> scheduler.execute(() -> answered(sent, ack, failure)));
    }

    private void answered(PendingReport p, ReportAck ack, Throwable failure) {
        inFlight.remove(p.id());
        try {
            if (ack != null) {
                delivered(p, ack);
            } else if (failure instanceof ReportRefusal) {
                refused(p, (ReportRefusal) failure);
            } else {
                retryLater(p, "not delivered (" + failure + ")");
            }
        } catch (IOException e) {
            log.error("{}: outbox write for report {} failed ({}); it stays pending", spimeId, p.id(), e.toString());
            schedule(p.id(), retry.delayAfter(p.attempts()));
        }
    }

    private void delivered(PendingReport p, ReportAck ack) throws IOException {
        sealer.acknowledged(p.envelope());
        outbox.remove(p.id());
        reseals.remove(p.id());
        log.debug("{}: report {} acknowledged by {} ({} readings{})", spimeId, p.id(), p.snid(), ack.readings(), ack.duplicate() ? ", duplicate" : "");
        Optional.ofNullable(outcomes.remove(p.id())).ifPresent(f -> f.complete(ack));
    }

    private void refused(PendingReport p, ReportRefusal refusal) throws IOException {
        ReportCondition condition = refusal.condition();
        if (condition.retryUnchanged()) {
            retryLater(p, "refused for now (" + refusal.getMessage() + ")");
        } else if (condition == ReportCondition.NO_KEY_AVAILABLE) {
            reseal(p);
        } else {
            log.warn("{}: {} refused report {}: {}", spimeId, p.snid(), p.id(), refusal.getMessage());
            outbox.reject(p.id(), refusal.getMessage());
            reseals.remove(p.id());
            Optional.ofNullable(outcomes.remove(p.id())).ifPresent(f -> f.completeExceptionally(
                    new ReportRejectedException(p.id(), p.snid(), condition, refusal.error().text())));
        }
    }

    private void reseal(PendingReport p) throws IOException {
        if (sealer.keyRefused(p.envelope())) {
            recipients.forget(p.snid()); // its key may have changed; a refusal from an older session was seen to already
        }
        ReportEnvelope fresh;
        try {
            fresh = seal(p.snid(), p.report(), p.envelope().encrypted());
        } catch (CertificationException | RuntimeException e) {
            retryLater(p, "cannot be resealed (" + e + ")");
            return;
        }
        PendingReport resealed = p.resealed(fresh);
        outbox.update(resealed);
        int n = reseals.merge(p.id(), 1, Integer::sum);
        log.info("{}: {} has no key for report {}; resealed ({} in a row)", spimeId, p.snid(), p.id(), n);
        if (n <= IMMEDIATE_RESEALS) {
            attempt(p.id());
        } else {
            retryLater(resealed, "resealed " + n + " times in a row");
        }
    }

    /**
     * Backoff counted from the answer, not from the send: a lost answer is noticed only after the reply timeout, and
     * a retry must still wait its turn after that.
     */
    private void retryLater(PendingReport p, String why) {
        Duration delay = retry.delayAfter(p.attempts());
        log.info("{}: report {} to {} {}; retry {} in {} ms", spimeId, p.id(), p.snid(), why, p.attempts() + 1, delay.toMillis());
        schedule(p.id(), delay);
    }

    private void schedule(ReportId id, Duration delay) {
        Optional.ofNullable(timers.remove(id)).ifPresent(t -> t.cancel(false));
        if (!scheduler.isShutdown()) {
            timers.put(id, scheduler.schedule(() -> {
                timers.remove(id);
                attempt(id);
            }, delay.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Stops sending; what is pending stays in the outbox for the next start. Futures still waiting complete
     * exceptionally with a {@link ReporterClosedException}.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        outcomes.forEach((id, f) -> f.completeExceptionally(new ReporterClosedException(
                "reporter of " + spimeId + " closed; report " + id + " stays in the outbox")));
        outcomes.clear();
    }
}
