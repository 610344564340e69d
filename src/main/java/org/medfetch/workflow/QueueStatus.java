package org.medfetch.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medfetch.engine.LeaseOwner;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
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

    public List<JobSummary> jobs(String project) {
        Store store = workspace.store();
        List<JobSummary> out = new ArrayList<>();
        for (Job job : store.jobs(project)) {
            out.add(summarize(store, job));
        }
        return out;
    }

    static JobSummary summarize(Store store, Job job) {
        List<FileRecord> all = store.files(job.id());
        List<FileRecord> units = all.stream().filter(f -> f.parentId() == null).toList();
        int done = (int) all.stream().filter(f -> f.state() == FileState.DONE && !f.isTorrent()).count();
        Long total = 0L;
        long bytesDone = 0;
        Integer pieces = null;
        Integer piecesTotal = null;
        String error = null;
        Long rate = null;
        for (FileRecord f : units) {
            if (f.rate() != null && (f.state() == FileState.RUNNING || f.state() == FileState.VERIFYING)
                    && !LeaseOwner.gone(f.leaseOwner())) {
                rate = (rate == null ? 0 : rate) + f.rate();
            }
            total = total == null || f.size() == null ? null : total + f.size();
            bytesDone += f.state() == FileState.DONE && f.size() != null ? f.size() : f.isTorrent()
                    ? torrentBytes(f) : store.bytesDone(f.id());
            if (f.isTorrent() && f.piecesTotal() != null) {
                pieces = (pieces == null ? 0 : pieces) + (f.piecesDone() == null ? 0 : f.piecesDone());
                piecesTotal = (piecesTotal == null ? 0 : piecesTotal) + f.piecesTotal();
            }
            if (f.lastError() != null && Set.of(FileState.FAILED, FileState.RETRYING).contains(f.state())) {
                error = f.lastError();
            }
        }
        return new JobSummary(job, state(job, units), all, done, total, bytesDone, pieces, piecesTotal, rate, error);
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
