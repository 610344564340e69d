package org.medfetch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.medfetch.engine.RunReport;
import org.medfetch.workflow.RunQueue;

/**
 * What run, get and sync say when they end, like aria2c's "Download Results": a line per file that ended
 * in this run (done, failed, left to retry), at most {@value #ROWS}, then the counts, bytes, time, average
 * rate and where the files are.
 */
final class RunSummary {

    private static final int ROWS = 20;

    private RunSummary() {
    }

    /**
     * @param progress  the run's display: bytes fetched and time taken
     * @param root      the workspace, to say where the files are
     * @param explained paths whose failure the caller explains better itself (no line here, still counted)
     */
    static void print(RunQueue.Result result, ConsoleProgress progress, Path root, PrintWriter out, PrintWriter err,
                      Predicate<String> explained) {
        RunReport report = result.report();
        for (RunReport.Failure f : report.failures()) {
            if (!explained.test(f.path())) {
                err.println("medfetch: " + f.path() + ": " + (f.retryable() ? "will retry: " : "failed: ") + f.message());
            }
        }
        for (var d : result.damaged()) {
            err.println("medfetch: " + d.path() + ": " + d.verdict().name().toLowerCase(java.util.Locale.ROOT) + " ("
                    + d.detail() + "); " + d.fix());
        }
        if (report.halted() != null) {
            err.println("medfetch: stopped taking files: " + report.halted());
        }
        if (result.interrupted()) {
            err.println("medfetch: interrupted; " + (report.stopped() == 0 ? "" : report.stopped() + " file(s) paused, ")
                    + "'medfetch run' resumes " + (report.stopped() == 0 ? "the queue" : "them"));
        }
        long failed = report.failures().stream().filter(f -> !f.retryable()).count();
        long retry = report.failures().size() - failed;
        if (!report.completed().isEmpty() || !report.failures().isEmpty()) {
            out.println("Download results:");
            int rows = 0;
            for (RunReport.Completed c : report.completed()) {
                if (rows++ < ROWS) {
                    out.println("  OK     " + pad(Sizes.bytes(c.file().size())) + relative(root, c.file().path()));
                }
            }
            for (RunReport.Failure f : report.failures()) {
                if (rows++ < ROWS) {
                    out.println("  " + (f.retryable() ? "RETRY  " : "ERROR  ") + pad("") + f.path());
                }
            }
            if (rows > ROWS) {
                out.println("  ... and " + (rows - ROWS) + " more (medfetch status --files lists every file)");
            }
        }
        long seconds = Math.max(0, Math.round(progress.seconds()));
        long rate = progress.seconds() > 0 ? (long) (progress.fetched() / progress.seconds()) : 0;
        out.println(report.completed().size() + " file(s) done, " + failed + " failed, " + retry + " to retry"
                + (report.stopped() > 0 ? ", " + report.stopped() + " paused" : "") + "; " + Sizes.bytes(progress.fetched())
                + " fetched in " + Durations.of(seconds) + (progress.fetched() > 0 ? ", " + Sizes.bytes(rate)
                + "/s on average" : "") + "; files in " + relative(root, root.resolve("downloads")) + "/");
        if (report.failures().stream().anyMatch(f -> !explained.test(f.path()))) {
            err.println("medfetch: 'medfetch status --files' shows each error; 'medfetch retry DATASET' queues failed "
                    + "files again, 'medfetch run' resumes those left to retry");
        }
        out.flush();
        err.flush();
    }

    private static String pad(String size) {
        return size + " ".repeat(Math.max(1, 11 - size.length()));
    }

    private static String relative(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : file.toString();
    }
}
