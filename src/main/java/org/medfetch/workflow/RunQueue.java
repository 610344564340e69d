package org.medfetch.workflow;

import java.util.Collection;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.RunReport;
import org.medfetch.engine.StopSignal;
import org.medfetch.store.Job;

/** The run use case: works the queue until nothing runnable is left, then says where the queue stands. */
public final class RunQueue {

    /** What the run did, and the outcome of the jobs it concerns after it. */
    public record Result(RunReport report, Outcome outcome) {
    }

    private final Workspace workspace;

    public RunQueue(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param concerned the jobs whose state decides the outcome (all jobs for run, the added ones for get)
     */
    public Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned) {
        RunReport report = workspace.engine().run(options, progress, stop);
        Collection<Job> now = concerned.stream().map(j -> workspace.store().job(j.id()).orElse(j)).toList();
        Outcome outcome = QueueOutcome.of(workspace.store(), now);
        if (stop.raised() || report.anyRetryable()) {
            // also what the store could not record (a full disk under it): the files are left for a later run
            outcome = outcome.worse(Outcome.RETRYABLE);
        }
        return new Result(report, outcome);
    }

    public Result runAll(RunOptions options, Progress progress, StopSignal stop) {
        return run(options, progress, stop, workspace.store().jobs(null));
    }
}
