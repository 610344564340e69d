package org.medfetch.workflow;

import java.util.Collection;
import java.util.List;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.RunReport;
import org.medfetch.engine.StopSignal;
import org.medfetch.extract.ExtractLimits;
import org.medfetch.store.Job;

/**
 * The run use case: works the queue until nothing runnable is left, unpacks the finished archives of
 * the jobs that asked for it, then says where the queue stands.
 */
public final class RunQueue {

    /** What the run did, the archives it unpacked, and the outcome of the jobs it concerns after it. */
    public record Result(RunReport report, Outcome outcome, List<ExtractArchives.Result> extracted) {
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

    public RunQueue(Workspace workspace) {
        this.workspace = workspace;
    }

    public Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned) {
        return run(options, progress, stop, concerned, Extraction.AS_ADDED);
    }

    /**
     * @param concerned the jobs whose state decides the outcome (all jobs for run, the added ones for get)
     */
    public Result run(RunOptions options, Progress progress, StopSignal stop, Collection<Job> concerned,
                      Extraction extraction) {
        RunReport report = workspace.engine().run(options, progress, stop);
        Collection<Job> now = concerned.stream().map(j -> workspace.store().job(j.id()).orElse(j)).toList();
        Outcome outcome = QueueOutcome.of(workspace.store(), now);
        List<ExtractArchives.Result> extracted = List.of();
        if (!stop.raised()) {
            extracted = new ExtractArchives(workspace).extract(now, extraction.all(), extraction.limits(), stop::raised);
            outcome = outcome.worse(ExtractArchives.outcome(extracted));
        }
        if (stop.raised()) {
            outcome = outcome.worse(Outcome.RETRYABLE);
        }
        return new Result(report, outcome, extracted);
    }

    public Result runAll(RunOptions options, Progress progress, StopSignal stop) {
        return runAll(options, progress, stop, Extraction.AS_ADDED);
    }

    public Result runAll(RunOptions options, Progress progress, StopSignal stop, Extraction extraction) {
        return run(options, progress, stop, workspace.store().jobs(null), extraction);
    }
}
