package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import org.medfetch.workflow.ExtractArchives;

/** One line per archive unpacked (or already unpacked) on out; refusals and failures on err. */
final class ExtractReporter {

    private ExtractReporter() {
    }

    static void report(List<ExtractArchives.Result> results, PrintWriter out, PrintWriter err) {
        for (ExtractArchives.Result r : results) {
            switch (r.status()) {
                case EXTRACTED, ALREADY_EXTRACTED -> {
                    out.println((r.status() == ExtractArchives.Status.EXTRACTED ? "extracted  " : "already extracted  ")
                            + r.archive() + " -> " + r.folder() + " (" + r.entries() + " entries, "
                            + Sizes.bytes(r.size()) + ")");
                    r.notes().forEach(n -> out.println("note: " + r.archive() + ": " + n));
                }
                case REFUSED -> err.println("medfetch: " + r.archive() + ": not unpacked (refused): " + r.message()
                        + "; the download stays done");
                case FAILED -> err.println("medfetch: " + r.archive() + ": not unpacked: " + r.message());
            }
        }
        out.flush();
        err.flush();
    }
}
