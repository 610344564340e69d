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
        description = "Work the queue until nothing runnable is left, resuming whatever was interrupted. "
                + "Ctrl-C stops cleanly: running files are paused and resume with the next run.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() {
        RunQueue.Result result;
        try (ConsoleProgress progress = root.progress(settings.noProgress)) {
            result = Interruptible.run(stop -> new RunQueue(root.workspace()).runAll(settings.options(),
                    progress == null ? org.medfetch.engine.Progress.NONE : progress, stop));
        }
        summarize(result.report(), spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCodes.of(result.outcome());
    }

    static void summarize(RunReport report, PrintWriter out, PrintWriter err) {
        summarize(report, out, err, path -> false);
    }

    /** @param explained paths whose failure the caller explains better itself (no line here, still counted) */
    static void summarize(RunReport report, PrintWriter out, PrintWriter err, Predicate<String> explained) {
        for (RunReport.Failure f : report.failures()) {
            if (explained.test(f.path())) {
                continue;
            }
            err.println("medfetch: " + f.path() + ": " + (f.retryable() ? "will retry: " : "failed: ") + f.message());
        }
        if (report.halted() != null) {
            err.println("medfetch: stopped taking files: " + report.halted());
        }
        if (report.stopped() > 0) {
            err.println("medfetch: interrupted; " + report.stopped() + " file(s) paused, 'medfetch run' resumes them");
        }
        out.println(report.completed().size() + " file(s) done, " + report.failures().stream().filter(f -> !f.retryable())
                .count() + " failed, " + report.failures().stream().filter(RunReport.Failure::retryable).count()
                + " to retry");
        out.flush();
        err.flush();
    }
}
