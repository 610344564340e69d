package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.engine.Progress;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.workflow.AddResult;
import org.medfetch.workflow.AddTargets;
import org.medfetch.workflow.Outcome;
import org.medfetch.workflow.RunQueue;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add the targets and run the queue in one step.",
            "stdout: one line per completed file, '<sha256>  <path relative to the workspace>', then the "
                    + "instructions of any manual dataset; progress goes to stderr."})
final class GetCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    AddOptions add;

    @Mixin
    RunSettings settings;

    @Option(names = "--no-wait", description = "Do not wait for files another medfetch process is downloading: "
            + "say so and exit 3 (by default get waits for them, and takes over any that process leaves).")
    boolean noWait;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace workspace = root.workspace();
        List<AddResult> added = new AddTargets(workspace).add(add.request());
        Outcome outcome = AddReporter.report(added, add.dryRun, err, err);
        if (add.dryRun) {
            AddReporter.instructions(added, out, true);
            return ExitCodes.of(outcome);
        }
        List<Job> jobs = new ArrayList<>();
        for (AddResult r : added) {
            if (r.datasetId() != null) {
                workspace.store().jobByDataset(r.datasetId()).ifPresent(jobs::add);
            }
        }
        RunQueue.Result result;
        OtherProcessLines others = new OtherProcessLines(err, noWait);
        try (ConsoleProgress progress = root.progress(settings.noProgress)) {
            result = Interruptible.run(err, stop -> new RunQueue(workspace).runAwaiting(settings.options(),
                    progress == null ? Progress.NONE : progress, stop, jobs,
                    new RunQueue.Extraction(null, settings.extractLimits.limits()), noWait ? null : others::waiting));
        }
        RunCommand.summarize(result, err, err);
        ExtractReporter.report(result.extracted(), err, err);
        others.after(result, workspace.store());
        for (Job job : jobs) {
            for (FileRecord f : workspace.store().files(job.id())) {
                if (f.state() == FileState.DONE && f.sha256() != null) {
                    out.println(f.sha256() + "  " + f.path());
                }
            }
        }
        AddReporter.instructions(added, out, false);
        return ExitCodes.of(outcome.worse(result.outcome()));
    }
}
