package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.workflow.AddRequest;
import org.medfetch.workflow.AddResult;
import org.medfetch.workflow.RemoteSizes;
import org.medfetch.workflow.GetTargets;
import org.medfetch.workflow.Outcome;
import org.medfetch.workflow.RunQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add the targets and download their files (only theirs: the rest of the queue waits for run).",
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
        AddRequest request = add.request();
        GetTargets get = new GetTargets(request.dryRun() ? root.sizingWorkspace(RemoteSizes.PER_HOST) : root.workspace(),
                settings.verify);
        List<AddResult> added = get.add(request);
        Outcome outcome = AddReporter.report(added, add.dryRun, root.informational(err), err);
        if (add.dryRun) {
            AddReporter.instructions(added, out, true);
            return ExitCodes.of(outcome);
        }
        GetTargets.Result result;
        OtherProcessLines others = new OtherProcessLines(err, noWait);
        ConsoleProgress progress = root.progress(settings.noProgress);
        try (progress) {
            result = Interruptible.run(err, stop -> get.fetch(added, settings.options(), progress, stop,
                    new RunQueue.Extraction(null, settings.extractLimits.limits()), noWait ? null : others::waiting));
        }
        RunSummary.print(result.run(), progress, root.workspace().root(), root.informational(err), err, path -> false);
        ExtractReporter.report(result.run().extracted(), root.informational(err), err);
        others.after(result.run(), root.workspace().store());
        result.done().forEach(f -> out.println(f.sha256() + "  " + f.path()));
        AddReporter.instructions(added, out, false);
        return ExitCodes.of(result.outcome());
    }
}
