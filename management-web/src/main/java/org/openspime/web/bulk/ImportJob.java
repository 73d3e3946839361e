package org.openspime.web.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openspime.web.identity.Actor;

/**
 * One bulk import running in the background for one operator.
 *
 * <p>Concurrency: a single worker thread issues the rows and is the only writer. Progress counters are volatile
 * so that a page or an API call sees them move; the outcome list is handed to readers only once {@link #state()}
 * reads DONE, whose volatile write publishes everything the worker wrote before it. The generated credentials
 * are taken at most once ({@link #takeCredentials}) and the array is wiped when the job is forgotten.
 */
public final class ImportJob {

    /** Where a job stands. FAILED means the worker itself broke (not a bad row: those are outcomes). */
    public enum State { RUNNING, DONE, FAILED }

    private final String id;
    private final Actor actor;
    private final List<CsvReader.Record> records;
    private final Instant started;
    private final List<RowOutcome> outcomes;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<byte[]> credentials = new AtomicReference<>();
    private volatile int done;
    private volatile int issued;
    private volatile State state = State.RUNNING;
    private volatile Instant ended;
    private volatile String failure = "";

    ImportJob(String id, Actor actor, List<CsvReader.Record> records, Instant started) {
        this.id = id;
        this.actor = actor;
        this.records = List.copyOf(records);
        this.started = started;
        this.outcomes = new ArrayList<>(records.size());
    }

    /** Runs on the worker: every row, then the credentials file, then DONE. */
    void run(CsvIdentityImport importer, java.time.Clock clock) {
        try {
            for (CsvReader.Record r : records) {
                RowOutcome o = importer.row(actor, r);
                outcomes.add(o);
                if (o.issued()) {
                    issued++;
                }
                done++;
            }
            if (issued > 0) {
                credentials.set(CsvIdentityImport.credentials(outcomes));
            }
            ended = clock.instant();
            state = State.DONE;
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ended = clock.instant();
            state = State.FAILED;
            throw e;
        } finally {
            finished.countDown();
        }
    }

    public String id() {
        return id;
    }

    /** The operator who started it; only they may see it. */
    public String operator() {
        return actor.operator();
    }

    public State state() {
        return state;
    }

    public int total() {
        return records.size();
    }

    public int done() {
        return done;
    }

    public int issued() {
        return issued;
    }

    public int refused() {
        return done - issued;
    }

    public Instant started() {
        return started;
    }

    /** When it finished, empty while it runs. */
    public Optional<Instant> ended() {
        return Optional.ofNullable(ended);
    }

    /** Why the worker stopped, for a FAILED job; the rows before that are in {@link #outcomes()}. */
    public String failure() {
        return failure;
    }

    /** Waits up to {@code millis} for the job to end; true if it has. */
    public boolean await(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * The per-row report, complete once the job is no longer RUNNING; empty before. Generated passwords are in it
     * only until the credentials are taken or the job is forgotten.
     */
    public synchronized List<RowOutcome> outcomes() {
        return state == State.RUNNING ? List.of() : List.copyOf(outcomes);
    }

    /** Whether credentials were generated and not yet taken. */
    public boolean credentialsWaiting() {
        return credentials.get() != null;
    }

    /**
     * The generated credentials as CSV, once: the second call, like the first on a job without any, is empty.
     * Taking them also drops the passwords from the report, so they exist nowhere on the gate afterwards.
     */
    public Optional<byte[]> takeCredentials() {
        Optional<byte[]> taken = Optional.ofNullable(credentials.getAndSet(null));
        taken.ifPresent(t -> forgetPasswords());
        return taken;
    }

    /** Forgets the credentials if nobody took them, overwriting the bytes, and the report's passwords. */
    void wipe() {
        byte[] left = credentials.getAndSet(null);
        if (left != null) {
            Arrays.fill(left, (byte) 0);
        }
        forgetPasswords();
    }

    private synchronized void forgetPasswords() {
        if (state != State.RUNNING) {
            outcomes.replaceAll(o -> new RowOutcome(o.line(), o.jid(), o.issued(), o.message(), Optional.empty()));
        }
    }
}
