package org.medfetch.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.RunReport;
import org.medfetch.engine.StopSignal;
import org.medfetch.extract.ExtractLimits;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;
import org.medfetch.store.JobFiles;
import org.medfetch.store.JobState;
import org.medfetch.engine.LeaseOwner;

/**
 * The run use case: works the queue until nothing runnable is left, unpacks the finished archives of
 * the jobs that asked for it, then says where the queue stands.
 */
public final class RunQueue {

    /**
     * What the run did, the archives it unpacked, and the outcome of the jobs it concerns after it.
     *
     * @param elsewhere   files of those jobs that another medfetch process was still downloading when a
     *                    {@link #runAwaiting} ended (it did not wait for them, or was interrupted while waiting)
     * @param interrupted the stop signal was raised (Ctrl-C, SIGTERM): running files were left paused
     * @param damaged     finished files of the run's jobs that no longer match (missing, another size, with
     *                    --verify another hash), each with its fix; they make the outcome "problems" (exit 1)
     */
    public record Result(RunReport report, Outcome outcome, List<ExtractArchives.Result> extracted,
                         List<FileRecord> elsewhere, boolean interrupted, List<VerifyFiles.Checked> damaged) {
        public Result {
            damaged = List.copyOf(damaged);
        }
    }

    /**
     * How a run unpacks archives.
     *
     * @param all    unpack every concerned job's archives this way (run --extract), or null for only the
     *               jobs added with --extract, as they were added
     * @param limits the limits for either
     */
    public record Extraction(ExtractRequest all, ExtractLimits limits) {
        public static final Extraction AS_ADDED = new Extraction(null, ExtractLimits.DEFAULTS);
    }

    private final Workspace workspace;
    private final boolean hashDone;

    public RunQueue(Workspace workspace) {
        this(workspace, false);
    }

    /** @param hashDone re-hash the finished files of the run's jobs before it, not only check their size (--verify) */
    public RunQueue(Workspace workspace, boolean hashDone) {
        this.workspace = workspace;
        this.hashDone = hashDone;
    }

    public Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned) {
        return run(options, progress, stop, concerned, Extraction.AS_ADDED);
    }

    /**
     * Works the files of the concerned jobs only; those another process is downloading are its business
     * (two runs share one queue) and do not change the outcome.
     *
     * @param concerned the jobs to work, whose state decides the outcome (the named datasets, the synced ones)
     */
    public Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned,
                      Extraction extraction) {
        return run(options, progress, stop, concerned, extraction, false, null);
    }

    /**
     * Works the queue for files that must end here (get): while another medfetch process downloads some
     * of them, waits, taking over any that process leaves unfinished (killed, interrupted), until none is in
     * other hands. Without waiting, such files make the outcome retryable: they do not exist yet.
     *
     * @param waiting told once which files are awaited, before the first wait; null to not wait at all
     */
    public Result runAwaiting(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned,
                              Extraction extraction, Consumer<List<FileRecord>> waiting) {
        return run(options, progress, stop, concerned, extraction, true, waiting);
    }

    private Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned,
                       Extraction extraction, boolean own, Consumer<List<FileRecord>> waiting) {
        return run(options, progress, stop, concerned, ids(concerned), extraction, own, waiting);
    }

    /** @param scope the jobs whose files the engine may take, or null for every job of the queue */
    private Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned,
                       Set<Long> scope, Extraction extraction, boolean own, Consumer<List<FileRecord>> waiting) {
        List<VerifyFiles.Checked> damaged = new VerifyFiles(workspace).check(scope == null
                ? workspace.store().jobs(null) : concerned, hashDone).stream().filter(c -> c.verdict().problem()).toList();
        announce(progress, scope);
        RunReport report = workspace.engine().run(options, progress, stop, scope);
        OtherProcesses others = new OtherProcesses(workspace);
        List<FileRecord> elsewhere = own ? others.holding(concerned) : List.of();
        if (waiting != null && !elsewhere.isEmpty() && !stop.raised()) {
            waiting.accept(elsewhere);
        }
        while (waiting != null && !elsewhere.isEmpty() && !stop.raised()) {
            others.awaitChange(concerned, elsewhere, stop);
            if (!stop.raised()) {
                // the other process let a file go: finished, or left unfinished for this one to take over
                report = report.and(workspace.engine().run(options, progress, stop, scope));
                elsewhere = others.holding(concerned);
            }
        }
        Collection<Job> now = concerned.stream().map(j -> workspace.store().job(j.id()).orElse(j)).toList();
        Outcome outcome = QueueOutcome.of(workspace.store(), now);
        List<ExtractArchives.Result> extracted = List.of();
        if (!stop.raised()) {
            extracted = new ExtractArchives(workspace).extract(now, extraction.all(), extraction.limits(), stop::raised);
            outcome = outcome.worse(ExtractArchives.outcome(extracted));
        }
        if (stop.raised() || report.anyRetryable() || !elsewhere.isEmpty()) {
            // also what the store could not record (a full disk under it), and files left to another process
            outcome = outcome.worse(Outcome.RETRYABLE);
        }
        if (!damaged.isEmpty()) {
            outcome = outcome.worse(Outcome.PROBLEMS);
        }
        return new Result(report, outcome, extracted, elsewhere, stop.raised(), damaged);
    }

    public Result runAll(RunOptions options, Progress progress, StopSignal stop) {
        return runAll(options, progress, stop, Extraction.AS_ADDED, held -> { });
    }

    /**
     * Works the whole queue until it is empty: nothing runnable is left and no other live worker holds a
     * file. While others hold files it waits, and takes over any that a worker leaves unfinished (stopped,
     * or dead: its lease lapses), so the last worker of a shared queue ends only when every file has ended.
     *
     * @param waiting told once which files other workers hold, before the first wait
     */
    public Result runAll(RunOptions options, Progress progress, StopSignal stop, Extraction extraction,
                         Consumer<List<FileRecord>> waiting) {
        return run(options, progress, stop, workspace.store().jobs(null), null, extraction, true, waiting);
    }

    /**
     * Works the queue and keeps polling it for new work every {@code poll} until {@code stop} (a long-lived
     * worker): between rounds, finished archives are unpacked as their jobs asked.
     */
    public Result follow(RunOptions options, Progress progress, StopSignal stop, Extraction extraction,
                         java.time.Duration poll) {
        List<ExtractArchives.Result> extracted = new java.util.ArrayList<>();
        RunReport report = workspace.engine().follow(options, progress, stop, null, poll, round -> extracted.addAll(
                new ExtractArchives(workspace).extract(workspace.store().jobs(null), extraction.all(),
                        extraction.limits(), stop::raised)));
        Outcome outcome = QueueOutcome.of(workspace.store(), workspace.store().jobs(null));
        for (ExtractArchives.Result r : extracted) {
            outcome = outcome.worse(ExtractArchives.outcome(List.of(r)));
        }
        if (stop.raised() || report.anyRetryable()) {
            outcome = outcome.worse(Outcome.RETRYABLE);
        }
        return new Result(report, outcome, List.copyOf(extracted), List.of(), stop.raised(), List.of());
    }

    /**
     * Tells the progress display every file this run will work on before it starts, so that its total counts
     * them all (with the sizes the resolution gave), not only the files started so far.
     */
    private void announce(Progress progress, Set<Long> scope) {
        long now = workspace.clock().millis();
        for (JobFiles job : workspace.store().jobsWithFiles(null)) {
            if (job.job().state() != JobState.ACTIVE || scope != null && !scope.contains(job.job().id())) {
                continue;
            }
            for (FileRecord f : job.files()) {
                if (f.parentId() == null && runnable(f, now)) {
                    Long size = f.size() != null ? f.size() : f.expectedSize();
                    String path = f.path();
                    progress.queued(f.id(), path.substring(path.lastIndexOf('/') + 1), size == null ? -1 : size,
                            f.isTorrent() ? 0 : job.bytesDone(f.id()));
                }
            }
        }
    }

    /** Whether the engine may take the file now: what its claim takes, less files another live process holds. */
    private static boolean runnable(FileRecord f, long now) {
        if (f.nextAttemptAt() > now) {
            return false;
        }
        return switch (f.state()) {
            case QUEUED, RETRYING -> true;
            case PAUSED -> "interrupted".equals(f.pauseReason());
            case RUNNING, VERIFYING -> f.leaseUntil() == null || f.leaseUntil() < now || LeaseOwner.gone(f.leaseOwner());
            default -> false;
        };
    }

    private static Set<Long> ids(Collection<Job> jobs) {
        return jobs.stream().map(Job::id).collect(Collectors.toSet());
    }
}
