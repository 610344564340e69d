package org.medfetch.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.medfetch.engine.LeaseOwner;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.RunReport;
import org.medfetch.engine.StopSignal;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;

/** The run use case: works the queue until nothing runnable is left, then says where the queue stands. */
public final class RunQueue {

    /**
     * What the run did, and the outcome of the jobs it concerns after it.
     *
     * @param elsewhere   files of those jobs that another medfetch process was still downloading when the run
     *                    ended (the run did not wait for them, or was interrupted while waiting)
     * @param interrupted the stop signal was raised (Ctrl-C, SIGTERM): running files were left paused
     */
    public record Result(RunReport report, Outcome outcome, List<FileRecord> elsewhere, boolean interrupted) {
    }

    /** How often a run waiting for another process looks at the files it waits for. */
    private static final long POLL_MILLIS = 500;

    private final Workspace workspace;

    public RunQueue(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Works the queue; files of the concerned jobs that another process is downloading are its business
     * (two runs share one queue) and do not change the outcome.
     *
     * @param concerned the jobs whose state decides the outcome (all jobs for run, the synced ones for sync)
     */
    public Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned) {
        return run(options, progress, stop, concerned, false, null);
    }

    /**
     * Works the queue for files that must end here (get): while another medfetch process downloads some
     * of them, waits, taking over any that process leaves unfinished (killed, interrupted), until none is in
     * other hands. Without waiting, such files make the outcome retryable: they do not exist yet.
     *
     * @param waiting told once which files are awaited, before the first wait; null to not wait at all
     */
    public Result runAwaiting(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned,
                              Consumer<List<FileRecord>> waiting) {
        return run(options, progress, stop, concerned, true, waiting);
    }

    private Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned,
                       boolean own, Consumer<List<FileRecord>> waiting) {
        RunReport report = workspace.engine().run(options, progress, stop);
        List<FileRecord> elsewhere = elsewhere(concerned);
        boolean told = false;
        while (waiting != null && !elsewhere.isEmpty() && !stop.raised()) {
            if (!told) {
                waiting.accept(elsewhere);
                told = true;
            }
            Set<Long> held = ids(elsewhere);
            while (!stop.raised() && ids(elsewhere = elsewhere(concerned)).equals(held) && pause(stop)) {
                // the other process still has exactly these files
            }
            if (!stop.raised()) {
                report = report.and(workspace.engine().run(options, progress, stop));
                elsewhere = elsewhere(concerned);
            }
        }
        Collection<Job> now = concerned.stream().map(j -> workspace.store().job(j.id()).orElse(j)).toList();
        Outcome outcome = QueueOutcome.of(workspace.store(), now);
        if (stop.raised() || report.anyRetryable() || (own && !elsewhere.isEmpty())) {
            // also what the store could not record (a full disk under it), and files not waited for
            outcome = outcome.worse(Outcome.RETRYABLE);
        }
        return new Result(report, outcome, own ? elsewhere : List.of(), stop.raised());
    }

    public Result runAll(RunOptions options, Progress progress, StopSignal stop) {
        return run(options, progress, stop, workspace.store().jobs(null));
    }

    /** Files of these jobs that another live medfetch process holds under a lease right now. */
    private List<FileRecord> elsewhere(Collection<Job> jobs) {
        long now = workspace.clock().millis();
        List<FileRecord> held = new ArrayList<>();
        for (Job job : jobs) {
            for (FileRecord f : workspace.store().files(job.id())) {
                if (f.parentId() == null && (f.state() == FileState.RUNNING || f.state() == FileState.VERIFYING)
                        && f.leaseUntil() != null && f.leaseUntil() >= now && !LeaseOwner.gone(f.leaseOwner())
                        && !LeaseOwner.thisProcess(f.leaseOwner())) {
                    held.add(f);
                }
            }
        }
        return held;
    }

    private static Set<Long> ids(List<FileRecord> files) {
        return Set.copyOf(files.stream().map(FileRecord::id).toList());
    }

    /** Waits a little; false when the stop was raised meanwhile. */
    private static boolean pause(StopSignal stop) {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.raise(StopSignal.Reason.INTERRUPTED);
        }
        return !stop.raised();
    }
}
