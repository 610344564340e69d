package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.medfetch.engine.RunReport;
import org.medfetch.workflow.RunQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Work the queue until nothing runnable is left, resuming whatever was interrupted, then unpack "
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

    @Override
    public Integer call() {
        RunQueue.Result result;
        RunQueue.Extraction extraction = new RunQueue.Extraction(extract.request(settings.extractLimits.limits()),
                settings.extractLimits.limits());
        try (ConsoleProgress progress = root.progress(settings.noProgress)) {
            result = Interruptible.run(spec.commandLine().getErr(), stop -> new RunQueue(root.workspace())
                    .runAll(settings.options(), progress == null ? org.medfetch.engine.Progress.NONE : progress, stop,
                            extraction));
        }
        summarize(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        ExtractReporter.report(result.extracted(), spec.commandLine().getOut(), spec.commandLine().getErr());
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
