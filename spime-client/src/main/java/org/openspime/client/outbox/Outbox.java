package org.openspime.client.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openspime.client.report.element.ReportId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports of one SpimeID that await their acknowledgment, one file each under {@code pending/}; see the package
 * comment for why files and how they are written. Every method that changes the outbox returns only once the change
 * is on disk. Thread-safe (one lock; disk writes are the cost anyway).
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String SUFFIX = ".report";
    private static final String REASON = ".reason";
    private static final String TMP = ".tmp";

    private final Path pending;
    private final Path rejected;
    private final Path corrupt;
    private final OutboxLimits limits;
    private final Map<ReportId, PendingReport> entries = new HashMap<>();
    private final Map<ReportId, Long> sizes = new HashMap<>();
    private long bytes;

    private Outbox(Path dir, OutboxLimits limits) throws IOException {
        this.pending = Files.createDirectories(dir.resolve("pending"));
        this.rejected = Files.createDirectories(dir.resolve("rejected"));
        this.corrupt = Files.createDirectories(dir.resolve("corrupt"));
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Opens (creating if needed) the outbox in {@code dir} and loads every pending entry. Leftover temporary files are
     * deleted; entries that do not read are moved to {@code corrupt/} with a warning.
     */
    public static Outbox open(Path dir, OutboxLimits limits) throws IOException {
        Outbox outbox = new Outbox(dir, limits);
        outbox.load();
        return outbox;
    }

    /**
     * Queues a report, on disk before this returns.
     *
     * @throws OutboxFullException if it would exceed the limits (the report is not queued)
     */
    public synchronized void add(PendingReport report) throws OutboxFullException, IOException {
        if (entries.containsKey(report.id())) {
            throw new IllegalArgumentException("report " + report.id() + " is already in the outbox");
        }
        byte[] entry = EntryCodec.write(report);
        if (entries.size() + 1 > limits.maxEntries()) {
            throw new OutboxFullException("outbox " + pending.getParent() + " holds " + entries.size() + " reports, its limit: "
                    + report.id() + " for " + report.snid() + " was not queued");
        }
        if (bytes + entry.length > limits.maxBytes()) {
            throw new OutboxFullException("outbox " + pending.getParent() + " holds " + bytes + " bytes, its limit is "
                    + limits.maxBytes() + ": " + report.id() + " for " + report.snid() + " was not queued");
        }
        writeAtomically(pending, fileName(report.id()), entry);
        remember(report, entry.length);
    }

    /** Replaces a queued report's state (attempts, next attempt, a resealed envelope). */
    public synchronized void update(PendingReport report) throws IOException {
        if (!entries.containsKey(report.id())) {
            throw new IllegalArgumentException("report " + report.id() + " is not in the outbox");
        }
        byte[] entry = EntryCodec.write(report);
        writeAtomically(pending, fileName(report.id()), entry);
        remember(report, entry.length);
    }

    /** Drops an acknowledged report; false if it was not queued. */
    public synchronized boolean remove(ReportId id) throws IOException {
        if (entries.remove(id) == null) {
            return false;
        }
        bytes -= sizes.remove(id);
        Files.deleteIfExists(pending.resolve(fileName(id)));
        fsyncDirectory(pending);
        return true;
    }

    /** Moves a refused report to {@code rejected/}, with the reason beside it. */
    public synchronized void reject(ReportId id, String reason) throws IOException {
        PendingReport report = entries.get(id);
        if (report == null) {
            throw new IllegalArgumentException("report " + id + " is not in the outbox");
        }
        writeAtomically(rejected, id.value() + REASON, reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        move(pending.resolve(fileName(id)), rejected.resolve(fileName(id)));
        fsyncDirectory(rejected);
        fsyncDirectory(pending);
        entries.remove(id);
        bytes -= sizes.remove(id);
    }

    public synchronized Optional<PendingReport> get(ReportId id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Every pending report, oldest first (by when it was queued, then by id). */
    public synchronized List<PendingReport> pending() {
        List<PendingReport> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparing(PendingReport::created).thenComparing(p -> p.id().value()));
        return all;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** The reports refused for good, with their reasons, read from {@code rejected/}. */
    public synchronized List<RejectedReport> rejected() throws IOException {
        List<RejectedReport> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(rejected, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Path reason = rejected.resolve(name.substring(0, name.length() - SUFFIX.length()) + REASON);
                String why = Files.exists(reason) ? Files.readString(reason) : "(no reason recorded)";
                all.add(new RejectedReport(EntryCodec.read(Files.readAllBytes(file)), why));
            }
        }
        all.sort(Comparator.comparing((RejectedReport r) -> r.report().created()));
        return all;
    }

    /** The directory holding entries that could not be read. */
    public Path corruptDirectory() {
        return corrupt;
    }

    private void load() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pending)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TMP)) {
                    Files.deleteIfExists(file); // a write the crash interrupted; the caller was never told it succeeded
                } else if (name.endsWith(SUFFIX)) {
                    loadEntry(file);
                }
            }
        }
        log.info("outbox {}: {} pending reports ({} bytes)", pending.getParent(), entries.size(), bytes);
    }

    private void loadEntry(Path file) {
        try {
            byte[] entry = Files.readAllBytes(file);
            PendingReport report = EntryCodec.read(entry);
            if (!file.getFileName().toString().equals(fileName(report.id()))) {
                throw new CorruptEntryException("holds report " + report.id() + ", not what its name says");
            }
            remember(report, entry.length);
        } catch (IOException e) {
            Path aside = corrupt.resolve(file.getFileName().toString() + "." + Instant.now().toEpochMilli());
            log.warn("outbox {}: entry {} is unreadable ({}); moved to {}", pending.getParent(), file.getFileName(), e.getMessage(), aside);
            try {
                move(file, aside);
            } catch (IOException moveFailed) {
                log.warn("outbox {}: cannot move {} aside ({}); it is skipped", pending.getParent(), file.getFileName(), moveFailed.toString());
            }
        }
    }

    private void remember(PendingReport report, long size) {
        Long old = sizes.put(report.id(), size);
        bytes += size - (old == null ? 0 : old);
        entries.put(report.id(), report);
    }

    private static String fileName(ReportId id) {
        return id.value() + SUFFIX; // ids are [A-Za-z0-9._:-]; ':' is the only character some file systems refuse
    }

    private static void writeAtomically(Path dir, String name, byte[] content) throws IOException {
        Path tmp = dir.resolve(name + TMP);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        move(tmp, dir.resolve(name));
        fsyncDirectory(dir);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically; the outbox needs it", e);
        }
    }

    /** Makes a rename durable: on Linux the new directory entry is only on disk once the directory is synced. */
    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) { // Windows cannot open a directory; NTFS journals renames
                throw e;
            }
        }
    }
}
