package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import org.medfetch.workflow.AddResult;
import org.medfetch.workflow.Outcome;

/** Prints what add (and the add half of get) did with each target. */
final class AddReporter {

    private AddReporter() {
    }

    /** Files queued go to {@code out}; problems to {@code err}. Returns the worst outcome. */
    static Outcome report(List<AddResult> results, boolean dryRun, PrintWriter out, PrintWriter err) {
        Outcome worst = Outcome.SUCCESS;
        for (AddResult r : results) {
            worst = worst.worse(r.outcome());
            if (r.message() != null) {
                err.println("medfetch: " + r.target() + ": " + r.message());
                continue;
            }
            if (r.manual() && r.files().isEmpty()) {
                out.println(r.datasetId() + ": manual steps needed" + (dryRun ? "" : " (recorded)"));
                continue;
            }
            String size = !dryRun && r.unknownSizes() == r.files().size() ? "size unknown until download"
                    : size(r.knownBytes(), r.unknownSizes(), r.files().size());
            out.println(r.datasetId() + ": " + (dryRun ? "would queue " : "queued ") + r.files().size()
                    + (r.files().size() == 1 ? " file, " : " files, ") + size
                    + (r.manual() ? "; manual steps needed for the rest" + (dryRun ? "" : " (recorded)") : ""));
            if (dryRun) {
                for (AddResult.PlannedFile f : r.files()) {
                    out.println("  " + f.path() + "  " + (f.torrent() ? "torrent" : f.size() == null ? "size unknown"
                            : Sizes.bytes(f.size())) + "  " + f.url());
                }
            }
        }
        if (dryRun) {
            long files = results.stream().mapToLong(r -> r.files().size()).sum();
            out.println("total: " + files + (files == 1 ? " file, " : " files, ") + size(results.stream()
                    .mapToLong(AddResult::knownBytes).sum(), results.stream().mapToLong(AddResult::unknownSizes).sum(), files));
        }
        out.flush();
        err.flush();
        return worst;
    }

    /** "1.5 GiB", "1.5 GiB + 2 of unknown size", or "size unknown" when no size is known. */
    static String size(long known, long unknown, long files) {
        if (files > 0 && unknown == files) {
            return "size unknown (the host gives none, or did not answer in time)";
        }
        return Sizes.bytes(known) + (unknown > 0 ? " + " + unknown + " of unknown size" : "");
    }

    /** Instructions of manual datasets (with {@code notes}, also the notes of the others), after everything else. */
    static void instructions(List<AddResult> results, PrintWriter out, boolean notes) {
        for (AddResult r : results) {
            if (r.instructions() != null && (notes || r.manual())) {
                out.println();
                out.println(r.datasetId() + ": " + r.instructions().render());
            }
        }
        out.flush();
    }
}
