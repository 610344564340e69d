package org.medfetch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medfetch.workflow.AdoptFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "adopt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"After following a manual dataset's instructions, bring its files into downloads/<id>/ and count "
                + "the dataset as done. Files are hard-linked when on the same file system, else copied; the originals "
                + "are never changed or deleted. A folder is adopted with its name and layout (like cp -r); give "
                + "FOLDER/* for its contents. Files already inside downloads/<id>/ are recorded where they are.",
            "Running it again is harmless: unchanged files stay as they are, changed ones are hashed again and reported."})
final class AdoptCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "A catalog dataset or a queued dataset id.")
    String dataset;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Files or folders to adopt.")
    List<Path> paths;

    @Option(names = {"-p", "--project"}, paramLabel = "P", defaultValue = "default",
            description = "Project a dataset not queued yet is queued for (default: ${DEFAULT-VALUE}).")
    String project;

    @Override
    public Integer call() {
        AdoptFiles.Result result = new AdoptFiles(root.workspace()).adopt(dataset, paths, project);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] counts = new int[AdoptFiles.Change.values().length];
        for (AdoptFiles.Adopted a : result.files()) {
            counts[a.change().ordinal()]++;
            String label = a.change() == AdoptFiles.Change.ADDED ? "adopted" : a.change().name().toLowerCase(Locale.ROOT);
            out.println(label + "  " + a.path() + "  sha256:" + a.sha256() + "  ("
                    + a.how().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (a.previousSha256() == null ? "" : "; was sha256:" + a.previousSha256()) + ")");
        }
        result.problems().forEach(p -> err.println("medfetch: " + p));
        out.println(result.datasetId() + ": " + counts[AdoptFiles.Change.ADDED.ordinal()] + " adopted, "
                + counts[AdoptFiles.Change.UNCHANGED.ordinal()] + " unchanged, "
                + counts[AdoptFiles.Change.CHANGED.ordinal()] + " changed" + (result.queued() ? " (queued now)" : "")
                + (result.problems().isEmpty() ? "" : "; " + result.problems().size() + " file(s) not adopted")
                + (result.done() ? "; the dataset counts as done" : "; the dataset is not done yet ('medfetch status')"));
        out.flush();
        err.flush();
        return result.problems().isEmpty() ? ExitCodes.SUCCESS : ExitCodes.PROBLEMS;
    }
}
