package org.medfetch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.medfetch.engine.LeaseOwner;
import org.medfetch.engine.RunReport;
import org.medfetch.store.FileRecord;
import org.medfetch.workflow.UsageException;
import org.medfetch.workflow.RunQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Work the queue until it is empty (nothing runnable, nothing other workers still hold: their "
                + "files are waited for and taken over if they stop), resuming whatever was interrupted, then unpack "
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
        RunQueue.Result result;
        RunQueue.Extraction extraction = new RunQueue.Extraction(extract.request(settings.extractLimits.limits()),
                settings.extractLimits.limits());
        PrintWriter err = spec.commandLine().getErr();
        try (ConsoleProgress progress = root.progress(settings.noProgress)) {
            org.medfetch.engine.Progress shown = progress == null ? org.medfetch.engine.Progress.NONE : progress;
            RunQueue queue = new RunQueue(root.workspace());
            result = Interruptible.run(err, stop -> follow
                    ? queue.follow(settings.options(), shown, stop, extraction, Duration.ofSeconds(poll))
                    : queue.runAll(settings.options(), shown, stop, extraction, held -> waiting(held, err)));
        }
        summarize(result, spec.commandLine().getOut(), spec.commandLine().getErr());
        ExtractReporter.report(result.extracted(), spec.commandLine().getOut(), spec.commandLine().getErr());
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
