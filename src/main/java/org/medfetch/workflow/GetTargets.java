package org.medfetch.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.StopSignal;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;

/**
 * The get use case: add the targets, then work their files only (not the rest of the queue), waiting for
 * any that another medfetch process is downloading, and say which files now exist with their SHA-256.
 */
public final class GetTargets {

    /** A finished file of the targets: its SHA-256 and its path relative to the workspace. */
    public record DoneFile(String sha256, String path) {
    }

    /**
     * @param done every finished file of the targets' datasets, for sha256sum-style output
     */
    public record Result(RunQueue.Result run, List<DoneFile> done, Outcome outcome) {
    }

    private final Workspace workspace;
    private final boolean hashDone;

    public GetTargets(Workspace workspace) {
        this(workspace, false);
    }

    /** @param hashDone re-hash finished files of the targets before working (--verify), not only check their size */
    public GetTargets(Workspace workspace, boolean hashDone) {
        this.workspace = workspace;
        this.hashDone = hashDone;
    }

    /** The add half: resolve and queue (or, in a dry run, plan). */
    public List<AddResult> add(AddRequest request) {
        return new AddTargets(workspace).add(request);
    }

    /**
     * The run half, on the datasets the add queued.
     *
     * @param waiting told which files another process holds before get waits for them; null not to wait
     */
    public Result fetch(List<AddResult> added, RunOptions options, Progress progress, StopSignal stop,
                        RunQueue.Extraction extraction, Consumer<List<FileRecord>> waiting) {
        List<Job> jobs = new ArrayList<>();
        Outcome outcome = Outcome.SUCCESS;
        for (AddResult r : added) {
            outcome = outcome.worse(r.outcome());
            if (r.datasetId() != null) {
                workspace.store().jobByDataset(r.datasetId()).filter(j -> jobs.stream().noneMatch(k -> k.id() == j.id()))
                        .ifPresent(jobs::add);
            }
        }
        RunQueue.Result run = new RunQueue(workspace, hashDone).runAwaiting(options, progress, stop, jobs, extraction, waiting);
        List<DoneFile> done = new ArrayList<>();
        for (Job job : jobs) {
            for (FileRecord f : workspace.store().files(job.id())) {
                if (f.state() == FileState.DONE && f.sha256() != null) {
                    done.add(new DoneFile(f.sha256(), f.path()));
                }
            }
        }
        return new Result(run, done, outcome.worse(run.outcome()));
    }
}
