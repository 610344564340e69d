package org.medfetch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.engine.RunOptions;
import org.medfetch.store.Job;
import org.medfetch.workflow.JobSelection;
import org.medfetch.workflow.RunQueue;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Work the queue (or the datasets named) until nothing runnable is left, resuming whatever was interrupted, then unpack "
                + "the finished archives of datasets added with --extract (--extract here: of every dataset). "
                + "Ctrl-C (or SIGTERM) stops cleanly: running files are paused, the next run resumes them, exit 3; "
                + "a second Ctrl-C quits at once (130).")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RunSettings settings;

    @Mixin
    ExtractFlags extract;

    @Parameters(paramLabel = "DATASET", arity = "0..*",
            description = "Work only these queued datasets (default: the whole queue).")
    List<String> datasets = new ArrayList<>();

    @Option(names = {"-p", "--project"}, paramLabel = "P", description = "Work only the datasets of project P.")
    String project;

    @Override
    public Integer call() {
        Workspace workspace = root.existingWorkspace();
        RunOptions options = settings.options();
        if (!workspace.hasQueue()) {
            root.say(spec.commandLine().getOut(), "nothing is queued in " + workspace.root() + " (medfetch add DATASET "
                    + "queues one)");
            spec.commandLine().getOut().flush();
            return ExitCodes.SUCCESS;
        }
        JobSelection selection = new JobSelection(datasets, project, false);
        List<Job> jobs = selection.jobs(workspace, false);
        RunQueue.Result result;
        RunQueue.Extraction extraction = new RunQueue.Extraction(extract.request(settings.extractLimits.limits()),
                settings.extractLimits.limits());
        ConsoleProgress progress = root.progress(settings.noProgress);
        try (progress) {
            RunQueue queue = new RunQueue(workspace, settings.verify);
            result = Interruptible.run(spec.commandLine().getErr(), stop -> selection.everything()
                    ? queue.runAll(options, progress, stop, extraction) : queue.run(options, progress, stop, jobs, extraction));
        }
        RunSummary.print(result, progress, workspace.root(), root.informational(spec.commandLine().getOut()),
                spec.commandLine().getErr(), path -> false);
        ExtractReporter.report(result.extracted(), root.informational(spec.commandLine().getOut()),
                spec.commandLine().getErr());
        return ExitCodes.of(result.outcome());
    }
}
