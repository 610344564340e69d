package org.medfetch.engine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Source;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.Store;
import org.medfetch.store.StoreException;

/**
 * The attempts at one claimed file: builds its source from the record, calls the transfer, retries with
 * backoff, and records how it ended. Failures in a row that kept nothing new count against the retry
 * budget; an attempt that left more on disk than any before it starts the count again, so a long
 * download over a flaky network is not abandoned while it advances, and one that always starts over is.
 */
final class FileWork {

    record Result(List<RunReport.Completed> completed, Optional<RunReport.Failure> failure, boolean stopped) {
    }

    private final Store store;
    private final Path workspace;
    private final Transfers transfers;
    private final Clock clock;
    private final String owner;
    private final RunOptions options;
    private final Progress progress;

    FileWork(Store store, Path workspace, Transfers transfers, Clock clock, String owner, RunOptions options,
             Progress progress) {
        this.store = store;
        this.workspace = workspace;
        this.transfers = transfers;
        this.clock = clock;
        this.owner = owner;
        this.options = options;
        this.progress = progress;
    }

    Result process(FileRecord file, StopSignal runStop) {
        try {
            return attempts(file, runStop);
        } catch (StoreException e) {
            if (!e.retryable()) {
                throw e;
            }
            // The store cannot be written (a full disk under it, a server out of reach): what was recorded stays
            // true (data is on disk before its progress is recorded), so the file is left for a later run.
            return failed(file, FileState.RETRYING, e.diskFull() ? TransferException.Kind.DISK_FULL.name()
                    : "STORE_UNREACHABLE", e.getMessage() + "; the bytes so far are kept, "
                    + (e.diskFull() ? "free space and run again" : "run again once the store is back"), 0);
        }
    }

    private Result attempts(FileRecord file, StopSignal runStop) {
        Job job = store.job(file.jobId()).orElseThrow();
        StopSignal stop = new StopSignal(runStop);
        Path datasetDir = workspace.resolve("downloads").resolve(job.datasetId());
        Checkpoints checkpoints = new Checkpoints(store, file.id(), owner, Engine.LEASE_MILLIS, stop);
        int failuresWithoutProgress = 0;
        long mostKept = kept(file);
        boolean reauthorized = false;
        while (true) {
            try {
                String relative = relativePath(file, job);
                Path target = SafePath.resolve(datasetDir, relative);
                List<CompletedFile> done = fetch(file, job, relative, datasetDir, target, checkpoints, stop);
                return finished(file, done);
            } catch (TransferStopped stopped) {
                return stopped(file, stopped.reason());
            } catch (TransferException e) {
                store.countAttempt(file.id());
                if (e.kind() == TransferException.Kind.AUTH && file.auth() != null && !reauthorized) {
                    // A signed URL may have expired: ask for a fresh one once before giving up.
                    reauthorized = true;
                    continue;
                }
                // Only progress that stays counts: bytes fetched and then thrown away by a restart (a server
                // without ranges, a body always cut short) must not keep the file retrying forever.
                long keptNow = kept(file);
                failuresWithoutProgress = keptNow > mostKept ? 1 : failuresWithoutProgress + 1;
                mostKept = Math.max(mostKept, keptNow);
                if (!e.retryable()) {
                    return failed(file, FileState.FAILED, e.kind().name(), e.getMessage(), 0);
                }
                Duration wait = options.retry().delay(failuresWithoutProgress, e.retryAfter());
                if (options.retry().tooLong(wait)) {
                    // A server that asks for a day is not waited for: the file is left retryable from then on.
                    Instant at = clock.instant().plus(wait).plusMillis(999).truncatedTo(ChronoUnit.SECONDS);
                    return failed(file, FileState.RETRYING, e.kind().name(), e.getMessage() + " (longer than the "
                            + options.retry().maxWait().toSeconds() + " s --max-retry-wait: not retried before " + at
                            + ")", at.toEpochMilli());
                }
                if (e.kind() == TransferException.Kind.DISK_FULL || failuresWithoutProgress > options.retry().attempts()) {
                    return failed(file, FileState.RETRYING, e.kind().name(), e.getMessage(),
                            clock.millis() + wait.toMillis());
                }
                // The wait is recorded (status shows "waiting until ...") and told: a Retry-After of minutes is not silent.
                Instant until = clock.instant().plus(wait).truncatedTo(ChronoUnit.SECONDS);
                String why = "retry " + failuresWithoutProgress + "/" + options.retry().attempts()
                        + (e.retryAfter() != null ? " (the server asked to wait: Retry-After)" : "") + " after: "
                        + e.getMessage();
                store.waiting(file.id(), why, clock.millis() + wait.toMillis());
                progress.waiting(file.id(), until, why);
                if (!sleep(wait, stop)) {
                    return stopped(file, stop.raised() ? stop.reason() : StopSignal.Reason.INTERRUPTED);
                }
                file = store.file(file.id()).orElseThrow();
            } catch (Throwable e) {
                if (e instanceof StoreException store && store.retryable()) {
                    throw store;
                }
                // A bug, or a library failing on this file's input (bt overflowed its stack on a nested
                // .torrent): this file fails for good, and the worker goes on with the rest of the queue.
                return failed(file, FileState.FAILED, "INTERNAL", "internal error while fetching this file ("
                        + e + "); the other files went on; please report it", 0);
            }
        }
    }

    private List<CompletedFile> fetch(FileRecord file, Job job, String relative, Path datasetDir, Path target,
                                      Checkpoints checkpoints, StopSignal stop)
            throws TransferException, TransferStopped {
        if (file.isTorrent()) {
            if (transfers.torrent() == null) {
                throw new TransferException(TransferException.Kind.BAD_INPUT, false,
                        "this medfetch build cannot download torrents");
            }
            Source.TorrentSource source = new Source.TorrentSource(file.url(), relative,
                    JobOptions.fromJson(job.options()).torrent());
            return transfers.torrent().fetch(new TransferTask<>(file.id(), source, datasetDir, target, checkpoints,
                    options.transfer(), stop), progress);
        }
        if (transfers.http() == null) {
            throw new TransferException(TransferException.Kind.BAD_INPUT, false,
                    "this medfetch build cannot download over HTTP");
        }
        Source.HttpSource source = new Source.HttpSource(URI.create(file.url()), file.serverNamed() ? null : relative,
                file.expectedSize(), checksums(file.checksums()), file.auth());
        return transfers.http().fetch(new TransferTask<>(file.id(), source, datasetDir, target, checkpoints,
                options.transfer(), stop), progress);
    }

    private Result finished(FileRecord file, List<CompletedFile> done) {
        if (file.isTorrent()) {
            // a single-file torrent named like its own record has no row of its own: this row is the file
            boolean selfIsFile = done.size() == 1 && store.children(file.id()).isEmpty();
            store.finish(file.id(), selfIsFile ? done.get(0).sha256() : null,
                    done.stream().mapToLong(CompletedFile::size).sum());
        } else {
            CompletedFile only = done.get(0);
            store.finish(file.id(), only.sha256(), only.size());
        }
        progress.finished(file.id(), "done");
        return new Result(done.stream().map(d -> new RunReport.Completed(file.jobId(), file.id(), d)).toList(),
                Optional.empty(), false);
    }

    private Result stopped(FileRecord file, StopSignal.Reason reason) {
        switch (reason) {
            case INTERRUPTED -> store.release(file.id(), FileState.PAUSED, "interrupted");
            case PAUSED -> store.release(file.id(), FileState.PAUSED, "user");
            case CANCELLED -> store.release(file.id(), FileState.CANCELLED, null);
        }
        progress.finished(file.id(), reason.name().toLowerCase(java.util.Locale.ROOT));
        return new Result(List.of(), Optional.empty(), reason == StopSignal.Reason.INTERRUPTED);
    }

    private Result failed(FileRecord file, FileState state, String kind, String message, long nextAttemptAt) {
        try {
            store.fail(file.id(), state, kind, message, nextAttemptAt);
        } catch (StoreException e) {
            if (!e.retryable()) {
                throw e;
            }
            // Not recorded: the file stays claimed by this process, and is claimable again once it exits.
        }
        progress.finished(file.id(), (state == FileState.FAILED ? "failed: " : "will retry: ") + message);
        return new Result(List.of(), Optional.of(new RunReport.Failure(file.jobId(), file.id(), file.path(),
                state == FileState.RETRYING, message)), false);
    }

    /**
     * How far the file got in a form that survives the attempt: bytes recorded on disk for HTTP, verified
     * pieces for a torrent. Never what an attempt received and later discarded.
     */
    private long kept(FileRecord file) {
        if (file.isTorrent()) {
            Integer pieces = store.file(file.id()).map(FileRecord::piecesDone).orElse(null);
            return pieces == null ? 0 : pieces;
        }
        return store.bytesDone(file.id());
    }

    /** The file's path inside its dataset folder; a record pointing elsewhere is refused. */
    private static String relativePath(FileRecord file, Job job) throws TransferException {
        String prefix = "downloads/" + job.datasetId() + "/";
        if (!file.path().startsWith(prefix)) {
            throw new TransferException(TransferException.Kind.BAD_INPUT, false,
                    "refusing file name '" + file.path() + "': it is outside " + prefix);
        }
        return file.path().substring(prefix.length());
    }

    private static List<Checksum> checksums(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.trim().split("\\s+")).map(Checksum::parse).toList();
    }

    /** Waits, waking early when the work must stop; false when it must. */
    static boolean sleep(Duration wait, StopSignal stop) {
        long until = System.nanoTime() + wait.toNanos();
        while (!stop.raised()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
