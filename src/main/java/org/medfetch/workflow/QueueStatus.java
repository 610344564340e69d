package org.medfetch.workflow;

import java.time.Instant;
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
        Instant now = workspace.clock().instant();
        return workspace.store().jobsWithFiles(project).stream()
                .map(j -> summarize(j.job(), j.files(), j::bytesDone, now)).toList();
    }

    /** The state status gives one job, read on its own (for callers that look at one job at a time). */
    static String state(Store store, Job job) {
        return state(job, store.files(job.id()).stream().filter(f -> f.parentId() == null).toList());
    }

    private static JobSummary summarize(Job job, List<FileRecord> all, LongUnaryOperator bytesRecorded, Instant now) {
        List<FileRecord> units = all.stream().filter(f -> f.parentId() == null).toList();
        int done = (int) all.stream().filter(f -> f.state() == FileState.DONE && !f.isTorrent()).count();
        Long total = 0L;
        long bytesDone = 0;
        Integer pieces = null;
        Integer piecesTotal = null;
        String error = null;
        Long rate = null;
        Instant retryAt = null;
        for (FileRecord f : units) {
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
            if (f.lastError() != null && Set.of(FileState.FAILED, FileState.RETRYING).contains(f.state())) {
                error = f.lastError();
            }
            Instant at = retryAt(f, now);
            retryAt = at != null && (retryAt == null || at.isBefore(retryAt)) ? at : retryAt;
        }
        return new JobSummary(job, state(job, units), all, done, total, bytesDone, pieces, piecesTotal, rate, error,
                retryAt);
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

    /** A running file whose process was killed reads "interrupted": the next run resumes it. */
    private static String state(Job job, List<FileRecord> units) {
        if (job.state() != JobState.ACTIVE) {
            return job.state().label();
        }
        if (units.stream().anyMatch(f -> f.state() == FileState.RUNNING && LeaseOwner.gone(f.leaseOwner()))
                && units.stream().noneMatch(f -> f.state() == FileState.RUNNING && !LeaseOwner.gone(f.leaseOwner()))) {
            return "interrupted";
        }
        if (!units.isEmpty() && units.stream().allMatch(f -> f.state() == FileState.DONE)) {
            return FileState.DONE.label();
        }
        for (FileState s : PRECEDENCE) {
            if (units.stream().anyMatch(f -> f.state() == s)) {
                return s.label();
            }
        }
        return FileState.QUEUED.label();
    }
}
