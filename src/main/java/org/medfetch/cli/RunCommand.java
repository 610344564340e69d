package org.medfetch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.medfetch.engine.LeaseOwner;
import org.medfetch.engine.RunOptions;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;
import org.medfetch.workflow.JobSelection;
import org.medfetch.workflow.UsageException;
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
        description = "Work the queue until it is empty (nothing runnable, nothing other workers still hold: their "
                + "files are waited for and taken over if they stop), or only the datasets named (without waiting "
                + "for other workers' files), resuming whatever was interrupted, then unpack "
                + "the finished archives of datasets added with --extract (--extract here: of every dataset). "
                + "--follow keeps polling for new work instead. "
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

    @Option(names = "--until-empty", description = "End once the queue is empty (the default).")
    boolean untilEmpty;

    @Option(names = "--follow", description = "Never end on an empty queue: look for new work every --poll "
            + "seconds until Ctrl-C or SIGTERM (a long-lived worker on a shared queue).")
    boolean follow;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "10",
            description = "With --follow, how often an idle worker looks for new work (default: ${DEFAULT-VALUE}).")
    int poll;

    @Override
    public Integer call() {
        if (follow && untilEmpty) {
            throw new UsageException("--follow and --until-empty exclude each other");
        }
        if (poll < 1) {
            throw new UsageException("--poll must be at least 1 second");
        }
        if (follow && (!datasets.isEmpty() || project != null)) {
            throw new UsageException("--follow works the whole queue; drop the dataset names and --project");
        }
        Workspace workspace = root.existingWorkspace();
        RunOptions options = settings.options();
        if (!workspace.hasQueue() && !follow && datasets.isEmpty() && project == null) {
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
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = root.progress(settings.noProgress);
        try (progress) {
            RunQueue queue = new RunQueue(workspace, settings.verify);
            result = Interruptible.run(err, stop -> follow
                    ? queue.follow(options, progress, stop, extraction, Duration.ofSeconds(poll))
                    : selection.everything()
                    ? queue.runAll(options, progress, stop, extraction, held -> waiting(held, err))
                    : queue.run(options, progress, stop, jobs, extraction));
        }
        RunSummary.print(result, progress, workspace.root(), root.informational(spec.commandLine().getOut()),
                spec.commandLine().getErr(), path -> false);
        ExtractReporter.report(result.extracted(), root.informational(spec.commandLine().getOut()),
                spec.commandLine().getErr());
        return ExitCodes.of(result.outcome());
    }

    /** One line: the files other workers hold, which this run waits for (and takes over if they stop). */
    private static void waiting(List<FileRecord> held, PrintWriter err) {
        err.println("medfetch: waiting for " + held.size() + " file(s) that other workers hold ("
                + held.stream().map(f -> LeaseOwner.label(f.leaseOwner())).distinct().sorted()
                        .collect(Collectors.joining(", "))
                + "); any they leave unfinished is taken over");
        err.flush();
    }
}
