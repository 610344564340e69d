package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.RunReport;
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
        JobSelection selection = new JobSelection(datasets, project, false);
        List<Job> jobs = selection.jobs(workspace, false);
        RunOptions options = settings.options();
        RunQueue.Result result;
        RunQueue.Extraction extraction = new RunQueue.Extraction(extract.request(settings.extractLimits.limits()),
                settings.extractLimits.limits());
        try (ConsoleProgress progress = root.progress(settings.noProgress)) {
            result = Interruptible.run(spec.commandLine().getErr(), stop -> selection.everything()
                    ? new RunQueue(workspace).runAll(options, progress, stop, extraction)
                    : new RunQueue(workspace).run(options, progress, stop, jobs, extraction));
        }
        summarize(result, root.informational(spec.commandLine().getOut()), spec.commandLine().getErr());
        ExtractReporter.report(result.extracted(), root.informational(spec.commandLine().getOut()),
                spec.commandLine().getErr());
        return ExitCodes.of(result.outcome());
    }

    static void summarize(RunQueue.Result result, PrintWriter out, PrintWriter err) {
        summarize(result, out, err, path -> false);
    }

    /** @param explained paths whose failure the caller explains better itself (no line here, still counted) */
    static void summarize(RunQueue.Result result, PrintWriter out, PrintWriter err, Predicate<String> explained) {
        RunReport report = result.report();
        for (RunReport.Failure f : report.failures()) {
            if (explained.test(f.path())) {
                continue;
            }
            err.println("medfetch: " + f.path() + ": " + (f.retryable() ? "will retry: " : "failed: ") + f.message());
        }
        if (report.halted() != null) {
            err.println("medfetch: stopped taking files: " + report.halted());
        }
        if (result.interrupted()) {
            err.println("medfetch: interrupted; " + (report.stopped() == 0 ? "" : report.stopped() + " file(s) paused, ")
                    + "'medfetch run' resumes " + (report.stopped() == 0 ? "the queue" : "them"));
        }
        out.println(report.completed().size() + " file(s) done, " + report.failures().stream().filter(f -> !f.retryable())
                .count() + " failed, " + report.failures().stream().filter(RunReport.Failure::retryable).count()
                + " to retry");
        out.flush();
        err.flush();
    }
}
