package org.medfetch.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.medfetch.engine.LeaseOwner;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobFiles;
import org.medfetch.store.JobState;
import org.medfetch.store.Store;

/** The status use case: every queued job (of one project, or all) and where its files stand. */
public final class QueueStatus {

    /** When several files of a job differ, the first of these states present names the job's state. */
    private static final List<FileState> PRECEDENCE = List.of(FileState.RUNNING, FileState.VERIFYING,
            FileState.FAILED, FileState.RETRYING, FileState.PAUSED, FileState.QUEUED, FileState.CANCELLED);

    private final Workspace workspace;

    public QueueStatus(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Every job with its files, read in a fixed number of queries however long the queue. */
    public List<JobSummary> jobs(String project) {
        if (!workspace.hasQueue()) {
            return List.of();
        }
        Instant now = workspace.clock().instant();
        return workspace.store().jobsWithFiles(project).stream()
                .map(j -> summarize(j.job(), j.files(), j::bytesDone, now)).toList();
    }

    /** The state status gives one job, read on its own (for callers that look at one job at a time). */
    static String state(Store store, Job job) {
        return state(job, store.files(job.id()).stream().filter(f -> f.parentId() == null).toList());
    }

    private static JobSummary summarize(Job job, List<FileRecord> all, LongUnaryOperator bytesRecorded, Instant now) {
        List<FileRecord> units = new ArrayList<>();
        int done = 0;
        for (FileRecord f : all) {
            if (f.parentId() == null) {
                units.add(f);
            }
            if (f.state() == FileState.DONE && !f.isTorrent()) {
                done++;
            }
        }
        Long total = 0L;
        long bytesDone = 0;
        Integer pieces = null;
        Integer piecesTotal = null;
        String error = null;
        Long rate = null;
        Instant retryAt = null;
        for (FileRecord f : units) {
            Instant waiting = waitUntil(f, now);
            if (waiting != null) {
                error = "waiting until " + waiting + (f.lastError() == null ? "" : ": " + f.lastError());
            }
            if (f.rate() != null && (f.state() == FileState.RUNNING || f.state() == FileState.VERIFYING)
                    && !LeaseOwner.gone(f.leaseOwner())) {
                rate = (rate == null ? 0 : rate) + f.rate();
            }
            total = total == null || f.size() == null ? null : total + f.size();
            bytesDone += f.state() == FileState.DONE && f.size() != null ? f.size() : f.isTorrent()
                    ? torrentBytes(f) : bytesRecorded.applyAsLong(f.id());
            if (f.isTorrent() && f.piecesTotal() != null) {
                pieces = (pieces == null ? 0 : pieces) + (f.piecesDone() == null ? 0 : f.piecesDone());
                piecesTotal = (piecesTotal == null ? 0 : piecesTotal) + f.piecesTotal();
            }
            if (f.lastError() != null && (f.state() == FileState.FAILED || f.state() == FileState.RETRYING)) {
                error = f.lastError();
            }
            Instant at = retryAt(f, now);
            retryAt = at != null && (retryAt == null || at.isBefore(retryAt)) ? at : retryAt;
        }
        List<JobSummary.FileStatus> files = all.stream().map(f -> new JobSummary.FileStatus(f, retryAt(f, now),
                waitUntil(f, now))).toList();
        return new JobSummary(job, state(job, units), files, done, total, bytesDone, pieces, piecesTotal, rate, error,
                retryAt, Access.of(job, all));
    }

    /**
     * When the wait of a running file before its next attempt ends, if that is still to come: the engine
     * records it while it waits for a server's Retry-After (within --max-retry-wait) or its own backoff.
     */
    public static Instant waitUntil(FileRecord f, Instant now) {
        Instant at = Instant.ofEpochMilli(f.nextAttemptAt());
        return f.state() == FileState.RUNNING && at.isAfter(now) && !LeaseOwner.gone(f.leaseOwner()) ? at : null;
    }

    /** When a retrying file may be tried again, if that is still to come; else null. */
    public static Instant retryAt(FileRecord f, Instant now) {
        Instant at = Instant.ofEpochMilli(f.nextAttemptAt());
        return f.state() == FileState.RETRYING && at.isAfter(now) ? at : null;
    }

    private static long torrentBytes(FileRecord f) {
        if (f.size() == null || f.piecesTotal() == null || f.piecesTotal() == 0 || f.piecesDone() == null) {
            return 0;
        }
        return f.size() * f.piecesDone() / f.piecesTotal();
    }

    /**
     * A running file whose process was killed reads "interrupted": the next run resumes it. One pass over
     * the files (status summarizes every job of the queue).
     */
    private static String state(Job job, List<FileRecord> units) {
        if (job.state() != JobState.ACTIVE) {
            return job.state().label();
        }
        Set<FileState> present = EnumSet.noneOf(FileState.class);
        boolean runningHere = false;
        boolean runningGone = false;
        for (FileRecord f : units) {
            present.add(f.state());
            if (f.state() == FileState.RUNNING) {
                if (LeaseOwner.gone(f.leaseOwner())) {
                    runningGone = true;
                } else {
                    runningHere = true;
                }
            }
        }
        if (runningGone && !runningHere) {
            return "interrupted";
        }
        if (present.equals(EnumSet.of(FileState.DONE))) {
            return FileState.DONE.label();
        }
        for (FileState s : PRECEDENCE) {
            if (present.contains(s)) {
                return s.label();
            }
        }
        return FileState.QUEUED.label();
    }
}
